// Reading both lakes for comparison: the embedded writer's files, and the files a Spark file sink's
// _spark_metadata log says its committed batches wrote (a reader that lists the folder instead could
// see a failed batch's files).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Parquet files of one topic's committed Spark batches. */
export function sparkCommittedFiles(topicDir: string): string[] {
  const log = path.join(topicDir, '_spark_metadata');
  let names: string[];
  try {
    names = readdirSync(log).filter((n) => /^\d+(\.compact)?$/.test(n));
  } catch {
    return [];
  }
  names.sort((a, b) => parseInt(a) - parseInt(b));
  const files = new Set<string>();
  for (const name of names)
    for (const line of readFileSync(path.join(log, name), 'utf8').split('\n').slice(1)) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { path: string; action: 'add' | 'delete' };
      const file = entry.path.startsWith('file:') ? fileURLToPath(entry.path) : entry.path;
      if (entry.action === 'add') files.add(file);
      else files.delete(file);
    }
  return [...files];
}

/** `topic/date/event id` of every row of the given Parquet files (hive-style folders name topic and date). */
export async function lakeRows(files: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
    const reader = await connection.runAndReadAll(
      `select topic || '/' || date || '/' || event_id as id from read_parquet([${list}], hive_partitioning = true, union_by_name = true) order by id`,
    );
    return reader.getRowObjects().map((r) => String(r.id));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
