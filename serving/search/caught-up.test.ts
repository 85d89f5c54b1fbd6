// Search readiness: waits for the seeded catalog and for the index to hold all of it, then stays ready.
import { describe, expect, it } from 'vitest';
import { searchCaughtUp } from './caught-up.ts';

describe('searchCaughtUp', () => {
  const counts = { catalog: 0, index: 0, seeded: 0 };
  const caughtUp = searchCaughtUp({
    catalogCount: () => Promise.resolve(counts.catalog),
    indexCount: () => Promise.resolve(counts.index),
    seeded: () => counts.seeded,
  });

  it('is false while the catalog lacks seeded items or the index lacks catalog items, then true for good', async () => {
    Object.assign(counts, { seeded: 2000, catalog: 800, index: 800 });
    expect(await caughtUp()).toBe(false); // the index has all the catalog has, but the catalog is still filling
    Object.assign(counts, { catalog: 2000, index: 1500 });
    expect(await caughtUp()).toBe(false);
    counts.index = 2000;
    expect(await caughtUp()).toBe(true);
    Object.assign(counts, { catalog: 2500, index: 2100 }); // a later burst of supplier items
    expect(await caughtUp()).toBe(true);
  });

  it('is true at once for an empty shop', async () => {
    const empty = searchCaughtUp({
      catalogCount: () => Promise.resolve(0),
      indexCount: () => Promise.resolve(0),
      seeded: () => 0,
    });
    expect(await empty()).toBe(true);
  });
});
