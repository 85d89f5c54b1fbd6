// The demo catalog is reproducible, valid per the taxonomy, and addressable by index.
import { describe, expect, it } from 'vitest';
import { categoryById } from '../../serving/catalog/taxonomy.ts';
import { demoItem, demoItems } from './items.ts';

const sample = [...demoItems({ seed: 42, count: 3000 })];

describe('demo items', () => {
  it('are the same for the same seed and differ for another seed', () => {
    expect([...demoItems({ seed: 42, count: 50 })]).toEqual(sample.slice(0, 50));
    const other = [...demoItems({ seed: 43, count: 50 })];
    expect(other.filter((item, i) => item.name === sample[i]!.name).length).toBeLessThan(10);
  });

  it('make item N directly, equal to the N-th of the stream', () => {
    expect(demoItem(42, 2999)).toEqual(sample[2999]);
    expect([...demoItems({ seed: 42, start: 1500, count: 3 })]).toEqual(sample.slice(1500, 1503));
  });

  it('set every required attribute with an allowed value and price in whole positive cents', () => {
    for (const item of sample) {
      const category = categoryById(item.category);
      expect(category, item.category).toBeDefined();
      for (const spec of category!.attributes) {
        const value = item.attributes[spec.name];
        if (spec.required) expect(value, `${item.itemId} ${spec.name}`).toBeDefined();
        if (value !== undefined && spec.values) expect(spec.values).toContain(value);
      }
      for (const name of Object.keys(item.attributes)) expect(category!.attributes.map((a) => a.name)).toContain(name);
      expect(Number.isInteger(item.priceMinor) && item.priceMinor > 0).toBe(true);
    }
  });

  it('cover at least ten categories with searchable names and descriptions', () => {
    expect(new Set(sample.map((i) => i.category)).size).toBeGreaterThanOrEqual(10);
    const tv = sample.find((i) => i.category === 'televisions')!;
    expect(tv.description).toContain(tv.brand);
    expect(new Set(sample.map((i) => i.itemId)).size).toBe(sample.length);
  });
});
