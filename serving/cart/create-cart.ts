// Wires the cart and the wishlist: the same store over two databases, so each can scale alone, each
// database with its outbox relay.
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config, SqlChoice } from '../../platform/config.ts';
import type { Events } from '../../platform/events/events.ts';
import type { Logger } from '../../platform/logger.ts';
import { OutboxRelay } from '../../platform/outbox/outbox-relay.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { CartService } from './cart-service.ts';
import { cartRoutes } from './routes.ts';
import { listMigrations } from './store/migrations.ts';
import { SqlListStore, type ListDb } from './store/sql-list-store.ts';
import { WishlistService } from './wishlist-service.ts';

export function createCart(
  config: Config,
  deps: { catalog: CatalogService; events: Events; tokens: Tokens; logger: Logger; clock: Clock; newId: NewId },
) {
  const list = (choice: SqlChoice) => {
    // The store and its relay share one database, opened once.
    const database = sharedDatabase(() => openDatabase<ListDb>(choice, listMigrations));
    const relay = new OutboxRelay({ open: database, events: deps.events, logger: deps.logger });
    return { store: new SqlListStore(database, { onCommit: () => relay.nudge() }), relay };
  };
  const carts = list(config.sql.cart);
  const wishlists = list(config.sql.wishlist);
  const cart = new CartService({ ...deps, store: carts.store });
  const wishlist = new WishlistService({ ...deps, store: wishlists.store });
  return {
    cart,
    wishlist,
    router: cartRoutes({ cart, wishlist }),
    parts: [carts.store, carts.relay, wishlists.store, wishlists.relay],
  };
}
