// Opens a context's own SQL database (SQLite file embedded, MySQL/MariaDB real) and brings its schema up to date.
import type { Database as SqliteFile, Statement } from 'better-sqlite3';
import { Kysely, Migrator, MysqlDialect, SqliteDialect, type Migration, type SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { SqlChoice } from '../config.ts';
import { openSqlite as openSqliteFile } from './open-sqlite.ts';

export type Dialect = 'sqlite' | 'mysql';

export interface Database<DB> {
  db: Kysely<DB>;
  /** Lets shared SQL pick the few statements the dialects spell differently (upserts, locking). */
  dialect: Dialect;
  /** Embedded only: the connection's statements (cached by SQL text), for running a transaction's prepared statements directly (see prepared.ts). */
  statements?: SqliteDatabase;
  close(): Promise<void>;
}

/**
 * Opens the database and applies `migrations` in name order (Kysely's migrator records what it applied).
 * A MySQL database named in the URL is created if missing, so each context owns its own database.
 */
export async function openDatabase<DB>(
  choice: SqlChoice,
  migrations: Record<string, Migration>,
): Promise<Database<DB>> {
  const { db, dialect, statements } = await connect<DB>(choice, true);
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, {
      cause: error,
    });
  }
  return { db, dialect, statements, close: () => db.destroy() };
}

/** A read replica: connected as it is, never migrated (its primary's migrations reach it by replication). */
export async function openReplica<DB>(choice: SqlChoice): Promise<Database<DB>> {
  const { db, dialect, statements } = await connect<DB>(choice, false);
  return { db, dialect, statements, close: () => db.destroy() };
}

const connect = <DB>(choice: SqlChoice, createDatabase: boolean): Promise<Omit<Database<DB>, 'close'>> =>
  choice.kind === 'embedded' ? openSqlite<DB>(choice.file) : openMysql<DB>(choice.url, createDatabase);

async function openSqlite<DB>(file: string) {
  const sqlite = await openSqliteFile(file);
  sqlite.pragma('foreign_keys = ON');
  const statements = withStatementCache(sqlite);
  return {
    db: new Kysely<DB>({ dialect: new SqliteDialect({ database: statements }) }),
    dialect: 'sqlite' as const,
    statements,
  };
}

/**
 * Kysely prepares every query anew, and preparing costs more than running a small query. The same SQL
 * text reuses its statement (safe: Kysely runs one query at a time on the single connection).
 */
function withStatementCache(sqlite: SqliteFile): SqliteDatabase {
  const statements = new LRUCache<string, Statement>({ max: 500 });
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = sqlite.prepare(text)));
      return statement;
    },
  };
}

async function openMysql<DB>(url: string, createDatabase: boolean) {
  const mysql = await import('mysql2');
  const parsed = new URL(url);
  const database = parsed.pathname.slice(1);
  if (database && createDatabase) {
    const admin = mysql.createConnection({ uri: withoutDatabase(parsed) }).promise();
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database.replaceAll('`', '')}\``);
    await admin.end();
  }
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: 20,
    supportBigNumbers: true,
    bigNumberStrings: false,
    timezone: 'Z',
  });
  return { db: new Kysely<DB>({ dialect: new MysqlDialect({ pool }) }), dialect: 'mysql' as const };
}

function withoutDatabase(url: URL): string {
  const copy = new URL(url.toString());
  copy.pathname = '/';
  return copy.toString();
}
