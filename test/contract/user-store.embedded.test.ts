// Runs the user store contract against SQLite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../platform/sql/database.ts';
import { userMigrations } from '../../serving/users/store/migrations.ts';
import { SqlUserStore, type UsersDb } from '../../serving/users/store/sql-user-store.ts';
import { userStoreContract } from './user-store.contract.ts';

userStoreContract('sqlite', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-users-')), 'users.db');
  let n = 0;
  return {
    async open() {
      const store = new SqlUserStore(() => openDatabase<UsersDb>({ kind: 'embedded', file }, userMigrations));
      await store.start();
      return store;
    },
    unique: (name) => `${name}-${++n}`,
  };
});
