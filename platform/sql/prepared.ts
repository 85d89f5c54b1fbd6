// Kysely builds a query's tree and compiles it to SQL on every call: under checkout load that is a
// fifth of the request thread, more than SQLite spends running the statements. A prepared statement is
// built and compiled once per dialect, with stand-ins where its values go, and each call puts its own
// values in their places.
import type { Compilable, CompiledQuery, Kysely, QueryResult, SqliteDatabase } from 'kysely';
import type { Dialect } from './database.ts';

/** Transactions open on an embedded SQLite connection, with that connection's statements. */
const onSqlite = new WeakMap<object, SqliteDatabase>();

/**
 * Lets compiled statements run in `tx` straight on its SQLite connection, as Kysely's SQLite driver
 * would run them, without the executor around it (connection provider, promise chain): that costs
 * 1.5-3 µs a statement, several times what SQLite spends on a small one, and a checkout runs twenty.
 * Only for a transaction: it holds the single connection, so nothing else runs on it meanwhile.
 */
export function runDirectly(tx: Kysely<unknown>, statements: SqliteDatabase): void {
  onSqlite.set(tx, statements);
}

/** Runs a compiled statement on `db` (directly, when runDirectly was told of it) with `parameters`. */
export function execute<R>(
  db: Kysely<unknown>,
  query: CompiledQuery<R>,
  parameters: readonly unknown[] = query.parameters,
): Promise<QueryResult<R>> {
  const statements = onSqlite.get(db);
  if (!statements) return db.executeQuery({ ...query, parameters });
  const statement = statements.prepare(query.sql);
  if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
  const { changes, lastInsertRowid } = statement.run(parameters);
  return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
}

const STAND_IN = '\u0000prepared:';

/**
 * A statement taking the values named in `names`. `build` runs once per dialect with a stand-in string
 * for each value, so it may pass them to Kysely only as values (no arithmetic or branching on them); it
 * may branch on the dialect.
 */
export function prepared<DB, V extends object, R>(
  names: readonly (keyof V & string)[],
  build: (db: Kysely<DB>, values: V, dialect: Dialect) => Compilable<R>,
): (db: Kysely<DB>, dialect: Dialect, values: V) => Promise<QueryResult<R>> {
  const compiled = new Map<Dialect, { query: CompiledQuery<R>; slots: ((keyof V & string) | undefined)[] }>();
  return async (db, dialect, values) => {
    let statement = compiled.get(dialect);
    if (!statement) {
      const standIns = Object.fromEntries(names.map((name) => [name, STAND_IN + name])) as V;
      const query = build(db, standIns, dialect).compile();
      // A value read but not named would be compiled as undefined and bound as such on every call.
      if (query.parameters.includes(undefined))
        throw new Error(`prepared statement reads a value not among its names (${names.join(', ')}): ${query.sql}`);
      const slots = query.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(STAND_IN) ? (p.slice(STAND_IN.length) as keyof V & string) : undefined,
      );
      compiled.set(dialect, (statement = { query, slots }));
    }
    const { query, slots } = statement;
    return execute(
      db as Kysely<unknown>,
      query,
      slots.map((name, i) => (name === undefined ? query.parameters[i] : values[name])),
    );
  };
}
