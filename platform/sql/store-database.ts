// A store's (or the outbox relay's) own database: opened by its owner's start, closed by its close, and
// a clear error naming the owner when it is used outside them.
import type { Kysely } from 'kysely';
import type { Database, Dialect } from './database.ts';

export class StoreDatabase<DB> {
  private database: Database<DB> | undefined;

  constructor(
    private readonly owner: string,
    private readonly open: () => Promise<Database<DB>>,
  ) {}

  async start(): Promise<void> {
    this.database = await this.open();
  }

  async close(): Promise<void> {
    await this.database?.close();
    this.database = undefined;
  }

  get(): Database<DB> {
    if (!this.database) throw new Error(`${this.owner} is not started`);
    return this.database;
  }

  get db(): Kysely<DB> {
    return this.get().db;
  }

  get dialect(): Dialect {
    return this.get().dialect;
  }
}
