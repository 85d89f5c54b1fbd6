// Runs the access store contract against the MySQL/MariaDB server of EMPORIUM_USERS_DB_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { openDatabase } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import { userMigrations } from '../../serving/users/store/migrations.ts';
import { SqlAccessStore } from '../../serving/users/store/sql-access-store.ts';
import { SqlUserStore, type UsersDb } from '../../serving/users/store/sql-user-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { accessStoreContract } from './access-store.contract.ts';

const ns = testNamespace('access');
afterAll(() => ns.drop());
const { users: database } = ns.config.sql;
if (database.kind !== 'real') throw new Error('EMPORIUM_USERS_DB_URL must name the MySQL database for the real suite');

accessStoreContract('mysql', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return {
    async open() {
      const open = sharedDatabase(() => openDatabase<UsersDb>(database, userMigrations));
      const [access, users] = [new SqlAccessStore(open), new SqlUserStore(open)];
      await users.start();
      await access.start();
      return { access, users };
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
