// Runs the user store contract against the MySQL/MariaDB server of EMPORIUM_USERS_DB_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { openDatabase } from '../../platform/sql/database.ts';
import { userMigrations } from '../../serving/users/store/migrations.ts';
import { SqlUserStore, type UsersDb } from '../../serving/users/store/sql-user-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { userStoreContract } from './user-store.contract.ts';

const ns = testNamespace('users');
afterAll(() => ns.drop());
const { users } = ns.config.sql;
if (users.kind !== 'real') throw new Error('EMPORIUM_USERS_DB_URL must name the MySQL database for the real suite');

userStoreContract('mysql', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return {
    async open() {
      const store = new SqlUserStore(() => openDatabase<UsersDb>(users, userMigrations));
      await store.start();
      return store;
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
