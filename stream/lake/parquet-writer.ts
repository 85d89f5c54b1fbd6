// Writes lake rows to one zstd Parquet file with DuckDB: rows staged as JSON lines, then COPY … TO.
import fs from 'node:fs/promises';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { quoted, type LakeColumn } from './columns.ts';
import { fsyncFile } from './commits.ts';

/**
 * DuckDB reads the JSON lines straight into typed columns (structs, lists, maps) and writes Parquet
 * on threads of its own; per-value appends from JavaScript would cross into native code for every
 * field. Both files live in the staging folder, so neither is ever read as part of the lake.
 */
export class ParquetWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(threads = 2): Promise<ParquetWriter> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    return new ParquetWriter(instance, connection);
  }

  /** Writes the rows (in offset order) to `target` and fsyncs it. */
  async write(rows: readonly string[], columns: readonly LakeColumn[], target: string): Promise<void> {
    const source = `${target}.jsonl`;
    await fs.writeFile(source, rows.join('\n'));
    const read = columns.map((c) => `${quoted(c.name)}: '${c.timestamp ? 'BIGINT' : c.type.replaceAll("'", "''")}'`);
    const select = columns.map((c) =>
      c.timestamp ? `make_timestamptz(${quoted(c.name)} * 1000) AS ${quoted(c.name)}` : quoted(c.name),
    );
    await this.connection.run(
      `COPY (SELECT ${select.join(', ')} FROM read_json(${literal(source)}, format = 'newline_delimited', columns = {${read.join(', ')}})) TO ${literal(target)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    await fs.rm(source);
    await fsyncFile(target);
  }

  /** Merges Parquet files into one, one row per offset, sorted by offset (compaction). */
  async merge(sources: readonly string[], target: string): Promise<number> {
    const list = `[${sources.map(literal).join(', ')}]`;
    const result = await this.connection.runAndReadAll(
      `COPY (SELECT * FROM read_parquet(${list}, union_by_name = true) QUALIFY row_number() OVER (PARTITION BY kafka_partition, kafka_offset) = 1 ORDER BY kafka_offset) TO ${literal(target)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    await fsyncFile(target);
    return Number(result.getRows()[0]?.[0] ?? 0);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
