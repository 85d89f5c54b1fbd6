// Reads the lake with DuckDB: a view per topic over its live files, so users write `select … from orders`.
import path from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { eventSchema } from '../../schemas/load-schemas.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import { quoted, topicColumns } from './columns.ts';
import { listLakeFiles } from './lake-files.ts';
import { liveFiles } from './layout.ts';
import { literal } from './parquet-writer.ts';

/** The view a topic is read through: its name with dots as underscores (`search.performed` → `search_performed`). */
export function viewName(topic: string): string {
  return topic.replace(/[^A-Za-z0-9_]/g, '_');
}

export type Row = Record<string, unknown>;

/**
 * Valid while no compaction swaps files under a running query; a query that finds a file gone (merged
 * away since the views were made) is run once more over fresh views.
 */
export class LakeQuery {
  private constructor(
    readonly lakeDir: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(lakeDir: string): Promise<LakeQuery> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    const query = new LakeQuery(path.resolve(lakeDir), instance, connection);
    await query.refresh();
    return query;
  }

  /**
   * (Re)makes the views over the files live now. A topic with no files yet gets an empty view with its
   * columns, and `events` spans every topic with the columns all files share.
   */
  async refresh(): Promise<void> {
    const files = liveFiles(await listLakeFiles(this.lakeDir));
    const all: string[] = [];
    for (const topic of Object.keys(TOPICS) as TopicName[]) {
      const paths = files.filter((f) => f.topic === topic).map((f) => path.join(this.lakeDir, f.path));
      all.push(...paths);
      const columns = topicColumns(
        topic,
        TOPICS[topic].events.map((e) => JSON.parse(eventSchema(e).text) as object),
      );
      const body = paths.length
        ? `SELECT * FROM ${readParquet(paths)}`
        : `SELECT ${[...columns.map((c) => `NULL::${c.type} AS ${quoted(c.name)}`), `NULL::VARCHAR AS topic`, `NULL::DATE AS date`].join(', ')} WHERE false`;
      await this.connection.run(`CREATE OR REPLACE VIEW ${quoted(viewName(topic))} AS ${body}`);
    }
    await this.connection.run(
      `CREATE OR REPLACE VIEW events AS ${
        all.length
          ? `SELECT topic, date, event_id, event_time, event_type, kafka_partition, kafka_offset FROM ${readParquet(all)}`
          : `SELECT NULL::VARCHAR AS topic, NULL::DATE AS date, NULL::VARCHAR AS event_id, NULL::TIMESTAMPTZ AS event_time, NULL::VARCHAR AS event_type, NULL::INTEGER AS kafka_partition, NULL::BIGINT AS kafka_offset WHERE false`
      }`,
    );
  }

  /** Every row of a query, values as JSON would show them (BIGINT as a number when it fits). */
  async rows(sql: string): Promise<Row[]> {
    return this.retried(async () => {
      const reader = await this.connection.runAndReadAll(sql);
      return reader
        .getRowObjectsJson()
        .map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : v]),
          ),
        );
    });
  }

  /** Writes a query's rows to a CSV or Parquet file (by its extension); returns how many. */
  async export(sql: string, out: string): Promise<number> {
    const format = out.endsWith('.parquet') ? 'parquet, COMPRESSION zstd' : out.endsWith('.csv') ? 'csv, HEADER' : '';
    if (!format) throw new Error(`--out must end in .csv or .parquet (got ${out})`);
    return this.retried(async () => {
      const reader = await this.connection.runAndReadAll(
        `COPY (${sql}) TO ${literal(path.resolve(out))} (FORMAT ${format})`,
      );
      return Number(reader.getRows()[0]?.[0] ?? 0);
    });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async retried<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!/No files found|No such file|does not exist/i.test(String(error))) throw error;
      await this.refresh();
      return run();
    }
  }
}

/** Hive partition columns (topic, date) from the folder names; files missing a newer column read null there. */
export function readParquet(paths: readonly string[]): string {
  return `read_parquet([${paths.map(literal).join(', ')}], hive_partitioning = true, union_by_name = true)`;
}
