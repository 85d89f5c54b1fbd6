// Group commit for the embedded database: transactions asked for in the same turn of the event loop run
// one after another inside one SQLite transaction, each in its own savepoint, and all commit together.
// A unit that fails rolls back to its savepoint alone; every unit's promise settles after the commit,
// so none is reported done before it is on disk. SQLite writes one connection at a time anyway; what
// this saves is a WAL commit (and its page writes) per unit. MySQL keeps one transaction per unit, so
// its connections work in parallel.
import { CompiledQuery, type Kysely, type SqliteDatabase, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import { execute, runDirectly } from './prepared.ts';

// Compiled once: three per unit, they would otherwise be built and compiled anew every time.
const SAVEPOINT = CompiledQuery.raw('savepoint unit');
const RELEASE = CompiledQuery.raw('release savepoint unit');
const ROLLBACK = CompiledQuery.raw('rollback to savepoint unit');

type Unit<DB> = {
  work: (tx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

export type RunInTransaction<DB> = <T>(work: (tx: Transaction<DB>) => Promise<T>) => Promise<T>;

export function groupCommit<DB>(database: () => Database<DB>): RunInTransaction<DB> {
  let queued: Unit<DB>[] = [];

  const flush = async (db: Kysely<DB>, statements: SqliteDatabase | undefined) => {
    const units = queued;
    queued = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await db.transaction().execute(async (tx) => {
        const on = tx as unknown as Kysely<unknown>;
        if (statements) runDirectly(on, statements);
        for (const unit of units) {
          await execute(on, SAVEPOINT);
          try {
            outcomes.push({ ok: true, value: await unit.work(tx) });
            await execute(on, RELEASE);
          } catch (error) {
            await execute(on, ROLLBACK);
            await execute(on, RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const unit of units) unit.reject(error);
      return;
    }
    units.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  };

  return <T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T> => {
    const { db, dialect, statements } = database();
    if (dialect === 'mysql') return db.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (queued.length === 1) setImmediate(() => void flush(db, statements));
    });
  };
}
