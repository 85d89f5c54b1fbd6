// The item service applies supplier events idempotently, in order, and announces only real changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoItem } from '../../ingest/demo/items.ts';
import { fakeClock } from '../../platform/clock.ts';
import type { TypedEvent } from '../../schemas/events.ts';
import { openTestEvents, type TestEvents } from '../../test/support/events.ts';
import { CatalogService } from './catalog-service.ts';
import { EmbeddedCatalogStore } from './store/embedded-catalog-store.ts';
import { categoryById } from './taxonomy.ts';

let n = 0;
const upserted = (index: number, priceMinor?: number): TypedEvent<'ItemUpserted'> => {
  const item = demoItem(5, index);
  return {
    type: 'ItemUpserted',
    eventId: `e-${++n}`,
    occurredAt: 1,
    ...item,
    priceMinor: priceMinor ?? item.priceMinor,
    itemClass: categoryById(item.category)!.itemClass,
  };
};
const deleted = (index: number): TypedEvent<'ItemDeleted'> => ({
  type: 'ItemDeleted',
  eventId: `e-${++n}`,
  occurredAt: 1,
  itemId: demoItem(5, index).itemId,
  supplierId: null,
});

describe('CatalogService.applySupplierEvents', () => {
  let t: TestEvents;
  let store: EmbeddedCatalogStore;
  let catalog: CatalogService;
  beforeEach(async () => {
    t = await openTestEvents();
    store = new EmbeddedCatalogStore({ file: ':memory:' });
    await store.start();
    catalog = new CatalogService({ store, events: t.events, clock: fakeClock(), newId: () => `id-${++n}` });
  });
  afterEach(async () => {
    await store.close();
    await t.close();
  });

  it('stores new items and announces each once; the same feed again changes and announces nothing', async () => {
    await catalog.applySupplierEvents([upserted(1), upserted(2)]);
    await catalog.applySupplierEvents([upserted(1), upserted(2)]);
    expect(await store.count()).toBe(2);
    expect((await t.readTopic('catalog.items')).map((e) => e.itemId)).toEqual(
      expect.arrayContaining([demoItem(5, 1).itemId, demoItem(5, 2).itemId]),
    );
    expect(await t.readTopic('catalog.items')).toHaveLength(2);
  });

  it('keeps the order of upserts and deletes of one item within a batch', async () => {
    await catalog.applySupplierEvents([upserted(3, 1000), deleted(3), upserted(3, 2000)]);
    expect((await store.get(demoItem(5, 3).itemId))?.priceMinor).toBe(2000);
    await catalog.applySupplierEvents([upserted(4), deleted(4)]);
    expect(await store.get(demoItem(5, 4).itemId)).toBeUndefined();
    expect(
      (await t.readTopic('catalog.items')).filter((e) => e.itemId === demoItem(5, 4).itemId).map((e) => e.type),
    ).toEqual(['ItemUpserted', 'ItemDeleted']);
  });

  it('validates a partial update as a whole item and names the bad field', async () => {
    await catalog.applySupplierEvents([upserted(6)]);
    const id = demoItem(5, 6).itemId;
    await expect(catalog.patch(id, { priceMinor: -1 })).rejects.toMatchObject({ code: 'invalid', field: 'priceMinor' });
    const patched = await catalog.patch(id, { name: 'Renamed' });
    expect(patched).toMatchObject({ itemId: id, name: 'Renamed', priceMinor: demoItem(5, 6).priceMinor });
  });
});
