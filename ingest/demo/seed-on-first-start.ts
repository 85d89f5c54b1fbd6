// On the first start with an empty catalog, seeds demo items and their stock so `npm start` shows a shop worth looking at.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CatalogStore } from '../../serving/catalog/store/catalog-store.ts';
import type { InventoryService } from '../../serving/inventory/inventory-service.ts';
import type { Inbound } from '../inbound.ts';
import { seedDemoItems, seedDemoStock } from './seed.ts';

export interface FirstStartSeed extends Lifecycle {
  /** The items this start published through the feed (0 when it did not seed); the catalog applies them as it consumes. */
  seeded(): number;
}

/**
 * Seeds once per data folder: a marker file records it, so deleting every item later does not bring the
 * demo back. The items go through the supplier feed like any other, and the catalog applies them.
 */
export function seedOnFirstStart(
  config: Config,
  deps: { inbound: Inbound; catalog: CatalogStore; inventory: InventoryService; logger: Logger },
): FirstStartSeed {
  const marker = path.join(config.dataDir, 'demo-seeded.json');
  let seeded = 0;
  return {
    seeded: () => seeded,
    async start() {
      if (config.demo.items === 0 || fs.existsSync(marker) || (await deps.catalog.count()) > 0) return;
      const accepted = await seedDemoItems(deps.inbound, { seed: config.demo.seed, count: config.demo.items });
      seeded = accepted;
      await seedDemoStock(deps.inventory, { seed: config.demo.seed, count: config.demo.items });
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(
        marker,
        JSON.stringify({ seed: config.demo.seed, items: accepted, at: new Date().toISOString() }),
      );
      deps.logger.info(
        { items: accepted, seed: config.demo.seed },
        'demo catalog seeded through the supplier feed, and stocked',
      );
    },
    close: () => Promise.resolve(),
  };
}
