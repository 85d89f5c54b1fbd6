// Picks the order archive: Cassandra when configured, a SQLite file in the data folder otherwise.
import path from 'node:path';
import type { Config } from '../../../platform/config.ts';
import { CassandraOrderArchive } from './cassandra-order-archive.ts';
import type { OrderArchive } from './order-archive.ts';
import { SqliteOrderArchive } from './sqlite-order-archive.ts';

export const createOrderArchive = (config: Config): OrderArchive =>
  config.cassandra.kind === 'real'
    ? new CassandraOrderArchive(config.cassandra)
    : new SqliteOrderArchive(path.join(config.dataDir, 'order-archive.db'));
