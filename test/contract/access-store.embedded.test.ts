// Runs the access store contract against SQLite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import { userMigrations } from '../../serving/users/store/migrations.ts';
import { SqlAccessStore } from '../../serving/users/store/sql-access-store.ts';
import { SqlUserStore, type UsersDb } from '../../serving/users/store/sql-user-store.ts';
import { accessStoreContract } from './access-store.contract.ts';

accessStoreContract('sqlite', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-access-')), 'users.db');
  let n = 0;
  return {
    async open() {
      const open = sharedDatabase(() => openDatabase<UsersDb>({ kind: 'embedded', file }, userMigrations));
      const [access, users] = [new SqlAccessStore(open), new SqlUserStore(open)];
      await users.start();
      await access.start();
      return { access, users };
    },
    unique: (name) => `${name}-${++n}`,
  };
});
