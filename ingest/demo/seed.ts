// Seeds the demo catalog through the inbound service, exactly as a supplier feed would arrive.
import { noProgress, type Progress } from '../../platform/progress.ts';
import type { Inbound } from '../inbound.ts';
import type { InventoryService } from '../../serving/inventory/inventory-service.ts';
import { demoItemId, demoItems } from './items.ts';
import { demoStock } from './places.ts';

const BATCH = 1000;

/** Publishes `count` demo items of `seed` as supplier records; the catalog applies them as it consumes. */
export async function seedDemoItems(
  inbound: Inbound,
  options: { seed: number; count: number },
  progress: Progress = noProgress,
): Promise<number> {
  progress.setTotal(options.count);
  let accepted = 0;
  for (let start = 0; start < options.count; start += BATCH) {
    const items = [...demoItems({ seed: options.seed, start, count: Math.min(BATCH, options.count - start) })];
    const outcomes = await inbound.submit(
      `demo-seed-${options.seed}`,
      items.map((value, i) => ({ location: `demo:${start + i}`, raw: '', value })),
    );
    accepted += outcomes.filter((o) => o.status === 'accepted').length;
    progress.increment(items.length);
  }
  progress.stop();
  return accepted;
}

/** Stocks demo items 0..count-1 in one to three warehouses each (some sold out), as stock takes would. */
export async function seedDemoStock(
  inventory: InventoryService,
  options: { seed: number; count: number },
  progress: Progress = noProgress,
): Promise<void> {
  const warehouses = inventory.warehouses();
  progress.setTotal(options.count);
  for (let i = 0; i < options.count; i++) {
    for (const { warehouse, available } of demoStock(options.seed, i, warehouses.length)) {
      await inventory.setStock(demoItemId(i), warehouses[warehouse]!, available, 'demo stock');
    }
    progress.increment();
  }
  progress.stop();
}
