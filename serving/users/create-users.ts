// Wires the user context: the SQL store (reads from the replica when one is configured) behind a cache.
import type { Tokens } from '../../platform/auth/tokens.ts';
import { createCache } from '../../platform/cache/create-cache.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Registry } from '../../platform/metrics.ts';
import { openDatabase, openReplica } from '../../platform/sql/database.ts';
import { userRoutes } from './routes.ts';
import { CachedUserStore } from './store/cached-user-store.ts';
import { userMigrations } from './store/migrations.ts';
import { SqlUserStore, type UsersDb } from './store/sql-user-store.ts';
import { UserService } from './user-service.ts';

export function createUserStore(config: Config): SqlUserStore {
  const replica = config.sql.usersReplica;
  return new SqlUserStore(
    () => openDatabase<UsersDb>(config.sql.users, userMigrations),
    replica && (() => openReplica<UsersDb>(replica)),
  );
}

export function createUsers(config: Config, deps: { tokens: Tokens; clock: Clock; newId: NewId; metrics: Registry }) {
  const store = new CachedUserStore(createUserStore(config), createCache(config, 'users', deps), deps.metrics);
  const service = new UserService({ store, ...deps });
  return { service, router: userRoutes(service, deps.tokens), parts: [store] };
}
