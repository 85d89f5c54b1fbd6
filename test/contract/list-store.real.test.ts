// Runs the list store contract against the cart and wishlist databases on MySQL/MariaDB (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import type { SqlChoice } from '../../platform/config.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { listMigrations } from '../../serving/cart/store/migrations.ts';
import { SqlListStore, type ListDb } from '../../serving/cart/store/sql-list-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { listStoreContract } from './list-store.contract.ts';

const ns = testNamespace('lists');
afterAll(() => ns.drop());
const { cart, wishlist } = ns.config.sql;

for (const [name, choice] of [
  ['cart', cart],
  ['wishlist', wishlist],
] as [string, SqlChoice][]) {
  if (choice.kind !== 'real')
    throw new Error(`EMPORIUM_${name.toUpperCase()}_DB_URL must name the MySQL database for the real suite`);
  listStoreContract(`mysql ${name}`, () => {
    const run = randomUUID().slice(0, 8);
    let n = 0;
    const database = () => openDatabase<ListDb>(choice, listMigrations);
    return {
      database,
      async open() {
        const store = new SqlListStore(database);
        await store.start();
        return store;
      },
      unique: (label) => `${label}-${run}-${++n}`,
    };
  });
}
