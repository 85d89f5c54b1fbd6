// Runs the order archive contract against SQLite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteOrderArchive } from '../../serving/orders/archive/sqlite-order-archive.ts';
import { orderArchiveContract } from './order-archive.contract.ts';

orderArchiveContract('sqlite', () => {
  let n = 0;
  return {
    async open() {
      const archive = new SqliteOrderArchive(
        path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-archive-')), 'archive.db'),
      );
      await archive.start();
      return archive;
    },
    unique: (name) => `${name}-${++n}`,
  };
});
