// Answers "can these items reach this pincode, from which warehouse, and when" from the prebuilt table
// and current stock; never searches the graph at request time.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { InventoryService } from '../inventory/inventory-service.ts';
import type { Network } from './network.ts';
import { reachOf, type Reach } from './reach.ts';
import { TableBuilder, type RouteChange } from './table-builder.ts';
import type { TableFiles } from './table-files.ts';
import type { Reachable, TatTable } from './tat-table.ts';

export type { Reach } from './reach.ts';

export class ServiceabilityService {
  private network: Network | undefined;
  private table: TatTable | undefined;
  private builder: TableBuilder | undefined;
  private readonly reachCache = new LRUCache<string, Reachable>({ max: 10_000 });

  constructor(
    private readonly deps: {
      files: TableFiles;
      /** The network to use when none is saved yet (the demo network on a first start). */
      initialNetwork: () => Network;
      catalog: CatalogService;
      inventory: InventoryService;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Loads the saved table, or builds and saves one the first time (a fraction of a second). */
  start(): Promise<void> {
    const { files } = this.deps;
    this.network = files.readNetwork();
    this.table = this.network && files.readTable();
    if (!this.network || !this.table) {
      this.network ??= this.deps.initialNetwork();
      const started = performance.now();
      this.table = new TableBuilder(this.network).build();
      files.write(this.network, this.table);
      this.deps.logger.info(
        { ms: Math.round(performance.now() - started), cells: this.table.minutes.length },
        'serviceability table built',
      );
    }
    return Promise.resolve();
  }

  close = () => Promise.resolve();

  /**
   * For a pincode: per item class, the minutes from every warehouse that can deliver there. Search
   * filters and ranks with it; it is cached per pincode until a route changes.
   */
  reachable(pincode: string): Reachable | undefined {
    let reach = this.reachCache.get(pincode);
    if (!reach) {
      reach = this.current().table.reachable(pincode);
      if (reach) this.reachCache.set(pincode, reach);
    }
    return reach;
  }

  warehouses(): string[] {
    return this.current().network.warehouses.map((w) => w.id);
  }

  /** For each item (in the order asked): the fastest stocked warehouse that reaches the pincode, and the promise. */
  async reach(itemIds: string[], pincode: string): Promise<Reach[]> {
    const { table } = this.current();
    const p = table.pincode(pincode);
    if (p === undefined) throw notFound('pincode', `we do not deliver to ${pincode} (not a known postal code)`);
    const [items, levels] = await Promise.all([
      this.deps.catalog.getMany(itemIds),
      this.deps.inventory.levels(itemIds),
    ]);
    const now = this.deps.clock();
    return itemIds.map((itemId, i) => reachOf(table, p, itemId, items[i], levels.get(itemId) ?? [], now));
  }

  /** Applies one route change to the live table incrementally and saves both; answers the cells it changed. */
  changeRoute(change: RouteChange): { changedCells: number; ms: number } {
    const { network, table } = this.current();
    if (!network.routes.some((r) => r.id === change.routeId)) throw notFound('routeId', `no route ${change.routeId}`);
    const started = performance.now();
    // The builder keeps hub distances between changes; the first change builds them (and an identical table).
    this.builder ??= new TableBuilder(network);
    if (this.builder.table() !== table) this.table = this.builder.build();
    const changedCells = this.builder.applyRouteChange(change);
    this.reachCache.clear();
    this.network = {
      ...network,
      routes: network.routes.flatMap((r) =>
        r.id !== change.routeId ? [r] : 'removed' in change ? [] : [{ ...r, ...change }],
      ),
    };
    this.deps.files.write(this.network, this.table!);
    return { changedCells, ms: performance.now() - started };
  }

  private current() {
    if (!this.network || !this.table) throw new Error('serviceability is not started');
    return { network: this.network, table: this.table };
  }
}
