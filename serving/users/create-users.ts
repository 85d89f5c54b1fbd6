// Wires the user context: the SQL store (reads from the replica when one is configured) behind a cache, and access.
import type { Tokens } from '../../platform/auth/tokens.ts';
import { createCache } from '../../platform/cache/create-cache.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Registry } from '../../platform/metrics.ts';
import { openDatabase, openReplica, type Database } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import { AccessService } from './access-service.ts';
import { supplierContactRoutes } from './supplier-contact-routes.ts';
import { userRoutes } from './routes.ts';
import { CachedUserStore } from './store/cached-user-store.ts';
import { userMigrations } from './store/migrations.ts';
import { SqlAccessStore } from './store/sql-access-store.ts';
import { SqlUserStore, type UsersDb } from './store/sql-user-store.ts';
import { UserService } from './user-service.ts';

/** The users database, opened once for the user store and the access store. */
export function usersDatabase(config: Config): () => Promise<Database<UsersDb>> {
  return sharedDatabase(() => openDatabase<UsersDb>(config.sql.users, userMigrations));
}

export function createUserStore(config: Config, open = usersDatabase(config)): SqlUserStore {
  const replica = config.sql.usersReplica;
  return new SqlUserStore(open, replica && (() => openReplica<UsersDb>(replica)));
}

/** Roles and API keys alone (the CLI's `emporium access`). */
export function createAccess(config: Config, deps: { tokens: Tokens; clock: Clock }, open = usersDatabase(config)) {
  const store = new SqlAccessStore(open);
  return { service: new AccessService({ store, ...deps }), parts: [store] };
}

export function createUsers(config: Config, deps: { tokens: Tokens; clock: Clock; newId: NewId; metrics: Registry }) {
  const open = usersDatabase(config);
  const store = new CachedUserStore(createUserStore(config, open), createCache(config, 'users', deps), deps.metrics);
  const service = new UserService({ store, ...deps });
  const access = createAccess(config, deps, open);
  return {
    service,
    access: access.service,
    router: userRoutes(service),
    supplierRouter: supplierContactRoutes(access.service),
    parts: [store, ...access.parts],
  };
}
