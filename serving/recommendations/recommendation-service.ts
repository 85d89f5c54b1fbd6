// Serves recommendations: the shopper's own lists (general or per category), items similar to an item,
// and what is popular right now, each cut to what can be sold to the shopper (in stock, deliverable to
// their pincode, not already bought by them) and back-filled from popular items when the model's
// candidates run short.
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { Counter, type Registry } from '../../platform/metrics.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { InventoryService } from '../inventory/inventory-service.ts';
import type { Reach } from '../serviceability/reach.ts';
import type { ServiceabilityService } from '../serviceability/serviceability-service.ts';
import type { UserService } from '../users/user-service.ts';
import { servable, type Candidate, type Source } from './servable.ts';
import type { RecommendationStore } from './store/recommendation-store.ts';

export interface ServedItem {
  itemId: string;
  name: string;
  brand: string;
  category: string;
  priceMinor: number;
  currency: string;
  imageUrl: string | null;
  source: Source;
  score: number | null;
  /** The fastest warehouse and its promise to the pincode; null when no pincode was known. */
  delivery: Extract<Reach, { deliverable: true }> | null;
}

export interface Recommendations {
  /** The model version the lists came from; null before any training (then everything is back-fill). */
  version: string | null;
  pincode: string | null;
  items: ServedItem[];
  /** How many items came from popular because the model's candidates ran short. */
  backfilled: number;
}

export interface ServeRequest {
  limit: number;
  pincode?: string;
  /** The signed-in shopper, whose default address gives the pincode when none is asked for. */
  userId?: string;
}

/** How long a read of the current version is reused: a switch reaches requests within this. */
const VERSION_TTL_MS = 1000;
/** Candidates read from a stored list: every one kept (lists are 20-50 long), so filtering can still fill a page. */
const CANDIDATES = 100;

export class RecommendationService {
  private version: { value: string | null; readAt: number } | undefined;
  private readonly served: Counter<'list'>;
  private readonly backfills: Counter<'list'>;
  private readonly backfilledItems: Counter<'list'>;
  private readonly droppedBought: Counter<'list'>;

  constructor(
    private readonly deps: {
      store: RecommendationStore;
      catalog: Pick<CatalogService, 'getMany'>;
      inventory: Pick<InventoryService, 'levels'>;
      serviceability: Pick<ServiceabilityService, 'reach'>;
      users: Pick<UserService, 'defaultPincode'>;
      /** What the signed-in shopper already bought and is not offered again (bought-items.ts). */
      bought: (userId: string) => Promise<ReadonlySet<string>>;
      /** Popular right now in a category (null: overall), best first: the live reports. */
      popular: (category: string | null) => Candidate[];
      metrics: Registry;
      clock: Clock;
    },
  ) {
    const registers = [deps.metrics];
    this.served = new Counter({
      name: 'emporium_recommendations_served_total',
      help: 'Recommendation answers, by list',
      labelNames: ['list'],
      registers,
    });
    this.backfills = new Counter({
      name: 'emporium_recommendations_backfilled_total',
      help: "Answers that needed popular items because the model's sellable candidates ran short, by list",
      labelNames: ['list'],
      registers,
    });
    this.backfilledItems = new Counter({
      name: 'emporium_recommendations_backfilled_items_total',
      help: 'Popular items served as back-fill, by list',
      labelNames: ['list'],
      registers,
    });
    this.droppedBought = new Counter({
      name: 'emporium_recommendations_dropped_bought_total',
      help: 'Model candidates left out because the shopper already bought them, by list',
      labelNames: ['list'],
      registers,
    });
  }

  /** The shopper's own list (a category's when given), never items they had when the model was trained. */
  async forShopper(userId: string, category: string | null, request: ServeRequest): Promise<Recommendations> {
    const version = await this.currentVersion();
    const ranked = version ? await this.deps.store.forShopper(version, userId, category, CANDIDATES) : [];
    return this.serve('shopper', version, ranked, this.deps.popular(category), { ...request, userId });
  }

  /** Items like `itemId`, back-filled from what is popular in its category. */
  async similar(itemId: string, request: ServeRequest): Promise<Recommendations> {
    const [item] = await this.deps.catalog.getMany([itemId]);
    if (!item) throw notFound('itemId', `no item ${itemId}`);
    const version = await this.currentVersion();
    const ranked = version ? await this.deps.store.similarTo(version, itemId, CANDIDATES) : [];
    return this.serve('similar', version, ranked, this.deps.popular(item.category), request, new Set([itemId]));
  }

  /** Popular right now (in a category), for visitors and new shoppers. */
  popular(category: string | null, request: ServeRequest): Promise<Recommendations> {
    return this.serve('popular', null, [], this.deps.popular(category), request);
  }

  private async serve(
    list: 'shopper' | 'similar' | 'popular',
    version: string | null,
    ranked: Candidate[],
    popular: Candidate[],
    request: ServeRequest,
    exclude?: ReadonlySet<string>,
  ): Promise<Recommendations> {
    const { userId } = request;
    const [pincode, bought] = await Promise.all([
      request.pincode ?? (userId ? this.deps.users.defaultPincode(userId) : null),
      userId ? this.deps.bought(userId) : undefined,
    ]);
    const ids = [...new Set([...ranked, ...popular].map((c) => c.itemId))].filter((id) => !bought?.has(id));
    const reach = await this.sellable(ids, pincode ?? null);
    const picked = servable(ranked, popular, (id) => reach.has(id), { limit: request.limit, exclude, bought });
    this.served.inc({ list });
    if (picked.droppedBought > 0) this.droppedBought.inc({ list }, picked.droppedBought);
    if (list !== 'popular' && picked.backfilled > 0) {
      this.backfills.inc({ list });
      this.backfilledItems.inc({ list }, picked.backfilled);
    }
    const items = await this.deps.catalog.getMany(picked.items.map((p) => p.itemId));
    return {
      version,
      pincode: pincode ?? null,
      backfilled: list === 'popular' ? 0 : picked.backfilled,
      items: picked.items.flatMap((p, i) => {
        const item = items[i];
        if (!item) return [];
        const { itemId, name, brand, category, priceMinor, currency, imageUrl } = item;
        const { source, score } = p;
        const delivery = reach.get(itemId) ?? null;
        return [{ itemId, name, brand, category, priceMinor, currency, imageUrl, source, score, delivery }];
      }),
    };
  }

  /**
   * The items that can be sold: with a pincode, those the serviceability rules deliver there (with
   * their promise); without one, those in stock somewhere.
   */
  private async sellable(ids: string[], pincode: string | null) {
    const sellable = new Map<string, ServedItem['delivery']>();
    if (ids.length === 0) return sellable;
    if (pincode) {
      for (const r of await this.deps.serviceability.reach(ids, pincode)) if (r.deliverable) sellable.set(r.itemId, r);
      return sellable;
    }
    const [items, levels] = await Promise.all([this.deps.catalog.getMany(ids), this.deps.inventory.levels(ids)]);
    ids.forEach((id, i) => {
      if (items[i] && levels.get(id)?.some((l) => l.available > 0)) sellable.set(id, null);
    });
    return sellable;
  }

  private async currentVersion(): Promise<string | null> {
    const now = this.deps.clock();
    if (!this.version || now - this.version.readAt >= VERSION_TTL_MS)
      this.version = { value: await this.deps.store.currentVersion(), readAt: now };
    return this.version.value;
  }
}
