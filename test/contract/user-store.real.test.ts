// Runs the user store contract against the MySQL/MariaDB server of EMPORIUM_USERS_DB_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { userMigrations } from '../../serving/users/store/migrations.ts';
import { SqlUserStore, type UsersDb } from '../../serving/users/store/sql-user-store.ts';
import { userStoreContract } from './user-store.contract.ts';

const { users } = loadConfig().sql;
if (users.kind !== 'real') throw new Error('EMPORIUM_USERS_DB_URL must name the MySQL database for the real suite');
const { url } = users;

userStoreContract('mysql', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return {
    async open() {
      const store = new SqlUserStore(() => openDatabase<UsersDb>({ kind: 'real', url }, userMigrations));
      await store.start();
      return store;
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
