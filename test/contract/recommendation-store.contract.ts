// The recommendations store contract: versions invisible until published, switched in one step and
// never backwards, lists read whole per shopper, category and item, and no read mixing two versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  RecommendationStore,
  ShopperRecommendations,
} from '../../serving/recommendations/store/recommendation-store.ts';

export interface RecommendationStoreHarness {
  open(): Promise<RecommendationStore>;
}

export function recommendationStoreContract(name: string, makeHarness: () => RecommendationStoreHarness) {
  describe(`recommendation store contract: ${name}`, () => {
    const h = makeHarness();
    let store: RecommendationStore;
    // Versions sort by time; one counter keeps every test's versions newer than the last test's.
    let n = 0;
    const nextVersion = () => `20261203T000000000Z-${String(++n).padStart(6, '0')}`;
    beforeAll(async () => {
      store = await h.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    const lists = (tag: string, userId: string): ShopperRecommendations => ({
      userId,
      general: [1, 2, 3].map((i) => ({ itemId: `${tag}-g${i}`, score: 1 / i })),
      byCategory: {
        tea: [{ itemId: `${tag}-t1`, score: 0.5 }],
        coffee: [1, 2].map((i) => ({ itemId: `${tag}-c${i}`, score: 0.25 / i })),
      },
    });

    it('answers nothing before a version is published, then the published lists whole, best first', async () => {
      const version = nextVersion();
      const writer = await store.begin(version);
      await writer.putShoppers([lists('a', 'ann'), lists('b', 'bob')]);
      await writer.putSimilar([{ itemId: 'a-g1', similar: [{ itemId: 'a-g2', score: 0.9 }] }]);
      const before = await store.currentVersion();
      expect(before === null || before < version).toBe(true);
      await writer.publish();
      expect(await store.currentVersion()).toBe(version);
      expect(await store.forShopper(version, 'ann', null, 10)).toEqual(lists('a', 'ann').general);
      expect(await store.forShopper(version, 'ann', null, 2)).toEqual(lists('a', 'ann').general.slice(0, 2));
      expect(await store.forShopper(version, 'bob', 'coffee', 10)).toEqual(lists('b', 'bob').byCategory.coffee);
      expect(await store.forShopper(version, 'ann', 'shoes', 10)).toEqual([]);
      expect(await store.forShopper(version, 'nobody', null, 10)).toEqual([]);
      expect(await store.similarTo(version, 'a-g1', 10)).toEqual([{ itemId: 'a-g2', score: 0.9 }]);
      expect(await store.similarTo(version, 'a-g9', 10)).toEqual([]);
      expect(await store.forShopper('no-such-version', 'ann', null, 10)).toEqual([]);
    });

    it('keeps the later lists of a shopper written twice, and refuses a version begun twice', async () => {
      const version = nextVersion();
      const writer = await store.begin(version);
      await writer.putShoppers([lists('old', 'carl')]);
      await writer.putShoppers([{ ...lists('new', 'carl'), byCategory: {} }]);
      await writer.publish();
      expect(await store.forShopper(version, 'carl', null, 10)).toEqual(lists('new', 'carl').general);
      await expect(store.begin(version)).rejects.toMatchObject({ code: 'conflict', field: 'version' });
    });

    it('never moves back to an older version published late, and forgets an abandoned one', async () => {
      const [older, newer, abandoned] = [nextVersion(), nextVersion(), nextVersion()];
      const slow = await store.begin(older);
      const fast = await store.begin(newer);
      await fast.putShoppers([lists('new', 'dan')]);
      await fast.publish();
      await slow.putShoppers([lists('old', 'dan')]);
      await slow.publish();
      expect(await store.currentVersion()).toBe(newer);
      const failed = await store.begin(abandoned);
      await failed.putShoppers([lists('x', 'dan')]);
      await failed.abandon();
      expect(await store.currentVersion()).toBe(newer);
      expect(await store.forShopper(abandoned, 'dan', null, 10)).toEqual([]);
    });

    it('drops published versions beyond the newest kept, with their lists', async () => {
      const versions = [nextVersion(), nextVersion(), nextVersion()];
      for (const version of versions) {
        const writer = await store.begin(version);
        await writer.putShoppers([lists(version, 'erin')]);
        await writer.putSimilar([{ itemId: 'x', similar: [{ itemId: version, score: 1 }] }]);
        await writer.publish(2);
      }
      expect(await store.forShopper(versions[0]!, 'erin', null, 10)).toEqual([]);
      expect(await store.forShopper(versions[0]!, 'erin', 'tea', 10)).toEqual([]);
      expect(await store.similarTo(versions[0]!, 'x', 10)).toEqual([]);
      expect(await store.forShopper(versions[1]!, 'erin', null, 10)).toEqual(lists(versions[1]!, 'erin').general);
      expect(await store.forShopper(versions[2]!, 'erin', 'tea', 10)).toEqual(
        lists(versions[2]!, 'erin').byCategory.tea,
      );
    });

    it('never lets a reader see two versions mixed while a new one is written and switched to', async () => {
      const shoppers = Array.from({ length: 40 }, (_, i) => `mix-${i}`);
      const first = nextVersion();
      const a = await store.begin(first);
      await a.putShoppers(shoppers.map((u) => lists('A', u)));
      await a.publish();

      let writing = true;
      const seen = new Set<string>();
      const reader = async (r: number) => {
        let reads = 0;
        while (writing || reads < 3) {
          const version = (await store.currentVersion())!;
          const user = shoppers[(r * 7 + reads++) % shoppers.length]!;
          const [general, coffee] = [
            await store.forShopper(version, user, null, 10),
            await store.forShopper(version, user, 'coffee', 10),
          ];
          const tag = general[0]!.itemId.slice(0, 1);
          seen.add(tag);
          // A whole, unmixed version: every list of the shopper as that version wrote it.
          expect({ general, coffee }).toEqual({
            general: lists(tag, user).general,
            coffee: lists(tag, user).byCategory.coffee,
          });
        }
      };
      const readers = Array.from({ length: 4 }, (_, r) => reader(r));
      const second = nextVersion();
      const b = await store.begin(second);
      for (let i = 0; i < shoppers.length; i += 10)
        await b.putShoppers(shoppers.slice(i, i + 10).map((u) => lists('B', u)));
      await b.publish();
      writing = false;
      await Promise.all(readers);
      expect(seen.has('B')).toBe(true);
      expect(await store.currentVersion()).toBe(second);
    });
  });
}
