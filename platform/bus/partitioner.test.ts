// Embedded and Kafka must agree on where a key goes, so replaying a topic keeps per-key order either way.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionFor } from './partitioner.ts';

const require = createRequire(import.meta.url);
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer) => number;

describe('partitioner', () => {
  it('hashes exactly like kafkajs (and so the Java client) for keys of every tail length', () => {
    const keys = ['', 'a', 'ab', 'abc', 'abcd', 'itm-42', 'order-7f3c', 'user-ünïcode', 'x'.repeat(101)];
    for (let i = 0; i < 500; i++) keys.push(`key-${i * 7919}`);
    for (const key of keys) expect(murmur2(Buffer.from(key)), key).toBe(kafkajsMurmur2(Buffer.from(key)));
  });

  it('keeps a key on one partition and spreads many keys over all of them', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const p = partitionFor(`item-${i}`, 6);
      expect(p).toBe(partitionFor(`item-${i}`, 6));
      seen.add(p);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
