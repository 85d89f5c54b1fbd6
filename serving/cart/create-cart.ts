// Wires the cart and the wishlist: the same store over two databases, so each can scale alone.
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config, SqlChoice } from '../../platform/config.ts';
import type { Events } from '../../platform/events/events.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { CartService } from './cart-service.ts';
import { cartRoutes } from './routes.ts';
import { listMigrations } from './store/migrations.ts';
import { SqlListStore, type ListDb } from './store/sql-list-store.ts';
import { WishlistService } from './wishlist-service.ts';

const listStore = (choice: SqlChoice) => new SqlListStore(() => openDatabase<ListDb>(choice, listMigrations));

export function createCart(config: Config, deps: { catalog: CatalogService; events: Events; tokens: Tokens; clock: Clock; newId: NewId }) {
  const cartStore = listStore(config.sql.cart);
  const wishlistStore = listStore(config.sql.wishlist);
  const cart = new CartService({ ...deps, store: cartStore });
  const wishlist = new WishlistService({ ...deps, store: wishlistStore });
  return { cart, wishlist, router: cartRoutes({ cart, wishlist }, deps.tokens), parts: [cartStore, wishlistStore] };
}
