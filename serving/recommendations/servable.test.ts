// The serve-time filter against brute force: random candidates, back-fill, stock, network and pincode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_CLASSES } from '../catalog/taxonomy.ts';
import { reachOf } from '../serviceability/reach.ts';
import { TatTable, UNREACHABLE } from '../serviceability/tat-table.ts';
import { popularItems } from './popular.ts';
import { servable, type Candidate } from './servable.ts';

const ids = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `item-${i}`));
const candidates = fc.array(fc.record({ itemId: ids, score: fc.double({ min: -1, max: 1, noNaN: true }) }), {
  maxLength: 15,
});

/**
 * The definition: model candidates then back-fill, sellable, not excluded and not bought, first occurrence
 * only, cut at limit; a model candidate passed over before the cut is dropped, as bought if it was.
 */
function oracle(
  ranked: Candidate[],
  popular: Candidate[],
  ok: (id: string) => boolean,
  limit: number,
  exclude: Set<string>,
  bought: Set<string> = new Set(),
) {
  const all = [
    ...ranked.map((c) => ({ ...c, source: 'model' as const })),
    ...popular.map((c) => ({ ...c, score: null, source: 'popular' as const })),
  ];
  const good = (id: string) => ok(id) && !exclude.has(id) && !bought.has(id);
  const kept = all.filter((c) => good(c.itemId));
  const unique = kept.filter((c, i) => kept.findIndex((d) => d.itemId === c.itemId) === i).slice(0, limit);
  // Looked at: every entry up to the one that filled the page (none when the limit is 0, all when never filled).
  const distinctGood = (n: number) =>
    new Set(
      all
        .slice(0, n)
        .filter((c) => good(c.itemId))
        .map((c) => c.itemId),
    ).size;
  let end = limit === 0 ? 0 : all.length;
  for (let n = 1; limit > 0 && n <= all.length; n++)
    if (distinctGood(n) === limit) {
      end = n;
      break;
    }
  const passed = all.slice(0, end).filter((c) => c.source === 'model' && !good(c.itemId));
  return {
    items: unique,
    backfilled: unique.filter((c) => c.source === 'popular').length,
    dropped: passed.length,
    droppedBought: passed.filter((c) => bought.has(c.itemId)).length,
  };
}

describe('servable', () => {
  it('keeps every sellable model candidate first, then back-fills, each item once, as brute force does', () => {
    fc.assert(
      fc.property(
        candidates,
        candidates,
        fc.uniqueArray(ids),
        fc.uniqueArray(ids),
        fc.uniqueArray(ids),
        fc.integer({ min: 0, max: 12 }),
        (ranked, popular, unsellable, excluded, bought, limit) => {
          const asked: string[] = [];
          const ok = (id: string) => (asked.push(id), !unsellable.includes(id));
          const got = servable(ranked, popular, ok, { limit, exclude: new Set(excluded), bought: new Set(bought) });
          const want = oracle(
            ranked,
            popular,
            (id) => !unsellable.includes(id),
            limit,
            new Set(excluded),
            new Set(bought),
          );
          expect(got).toEqual(want);
          // Asked once per item at most, and never about one it may not answer anyway.
          expect(new Set(asked).size).toBe(asked.length);
          expect(asked.filter((id) => excluded.includes(id) || bought.includes(id))).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('drops what is out of stock or undeliverable to the pincode, by the serviceability table, as brute force does', () => {
    const warehouses = ['wh-a', 'wh-b', 'wh-c'];
    const pincodes = ['10001', '20002'];
    const cells = ITEM_CLASSES.length * pincodes.length * warehouses.length;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(UNREACHABLE), fc.integer({ min: 30, max: 5000 })), {
          minLength: cells,
          maxLength: cells,
        }),
        fc.array(
          fc.record({
            itemClass: fc.constantFrom(...ITEM_CLASSES),
            known: fc.boolean(),
            stock: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: 12, maxLength: 12 },
        ),
        candidates,
        candidates,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 12 }),
        (minutes, items, ranked, popular, p, limit) => {
          const table = new TatTable(warehouses, pincodes, Uint16Array.from(minutes));
          const byId = new Map(items.map((it, i) => [`item-${i}`, it]));
          const reach = (id: string) => {
            const it = byId.get(id)!;
            const levels = it.stock.map((available, w) => ({ warehouseId: warehouses[w]!, available }));
            return reachOf(table, p, id, it.known ? it : undefined, levels, 0);
          };
          const got = servable(ranked, popular, (id) => reach(id).deliverable, { limit });
          // Brute force: some warehouse holds a unit and reaches the pincode for the item's class.
          const sellable = (id: string) => {
            const it = byId.get(id)!;
            const c = ITEM_CLASSES.indexOf(it.itemClass);
            return (
              it.known &&
              warehouses.some(
                (_, w) =>
                  it.stock[w]! > 0 && minutes[(c * pincodes.length + p) * warehouses.length + w] !== UNREACHABLE,
              )
            );
          };
          expect(got.items).toEqual(oracle(ranked, popular, sellable, limit, new Set()).items);
          for (const picked of got.items) {
            const r = reach(picked.itemId);
            if (!r.deliverable) throw new Error('picked an unsellable item');
            const it = byId.get(picked.itemId)!;
            const c = ITEM_CLASSES.indexOf(it.itemClass);
            const fastest = Math.min(
              ...warehouses.flatMap((_, w) => {
                const m = minutes[(c * pincodes.length + p) * warehouses.length + w]!;
                return it.stock[w]! > 0 && m !== UNREACHABLE ? [m] : [];
              }),
            );
            expect(r.tatMinutes).toBe(fastest);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('popularItems', () => {
  it("weighs a window's bought, carted, wishlisted and viewed counts in the category asked", () => {
    const window = {
      lists: [
        {
          metric: 'viewed',
          category: 'tea',
          entries: [
            { key: 'a', count: 30 },
            { key: 'b', count: 5 },
          ],
        },
        { metric: 'bought', category: 'tea', entries: [{ key: 'b', count: 3 }] },
        { metric: 'carted', category: 'tea', entries: [{ key: 'c', count: 1 }] },
        { metric: 'searched', category: 'tea', entries: [{ key: 'green tea', count: 99 }] },
        { metric: 'viewed', category: null, entries: [{ key: 'z', count: 1 }] },
      ],
    };
    expect(popularItems(window, 'tea').map((c) => c.itemId)).toEqual(['b', 'a', 'c']);
    expect(popularItems(window, null).map((c) => c.itemId)).toEqual(['z']);
    expect(popularItems(window, 'shoes')).toEqual([]);
  });
});
