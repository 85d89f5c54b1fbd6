// The re-key stage's logic without the bus: each fact judged and split by what it counts, every part bound for the partition owning its key.
import { partitionFor } from '../../platform/bus/partitioner.ts';
import type { Fact, PlacedFact } from './facts.ts';
import type { Judged, OriginJudge } from './origin-judge.ts';

export interface Routed {
  partition: number;
  fact: Fact;
}

export interface JudgedPart extends Routed {
  judged: Judged;
}

/**
 * The parts the re-key stage writes for a fact read from `origin`, judged on that origin's clock: the
 * first part (the lead) carries the verdict and the others `part`; a dropped or duplicate fact is only
 * its lead, which counts nothing but its verdict.
 */
export function rekeyFact(judge: OriginJudge, origin: string, read: Fact, partitions: number): JudgedPart[] {
  const { verdict, fact } = judge.judge(origin, read);
  const split = splitFact(fact, partitions);
  // An order with nothing to count (placed again, so emptied) is still a fact: its lead on partition 0.
  const parts =
    split.length === 0 && fact.kind === 'placed'
      ? [{ partition: 0, fact: { ...fact, orderId: partOf(fact.orderId, 0) } }]
      : split;
  if (verdict === 'dropped' || verdict === 'duplicate') return [{ ...parts[0]!, judged: verdict }];
  return parts.map((part, i) => ({ ...part, judged: i === 0 ? verdict : 'part' }));
}

/**
 * A key's whole count must live on one partition of the facts topic, so each member of the shared
 * reports can rank its keys alone and the global top N is the top N of the members' top Ns:
 * - a count goes to its key's partition (an item, or a normalised query);
 * - an order's lines go to their items' partitions and its revenue shares to their categories', one
 *   part per partition touched;
 * - a retraction goes to every partition: whichever holds a part of the order takes it back out, and
 *   a refund is remembered everywhere, since the placement's parts may come later to any of them.
 * A part's order id names its partition too (`o1#3`): one member may own several partitions, and each
 * part is placed and taken back on its own.
 * Every part keeps the fact's id and time, so lateness and redelivery are judged as for the whole.
 */
export function splitFact(fact: Fact, partitions: number): Routed[] {
  switch (fact.kind) {
    case 'count':
      return [{ partition: partitionFor(fact.key, partitions), fact }];
    case 'retracted':
      return Array.from({ length: partitions }, (_, partition) => ({
        partition,
        fact: { ...fact, orderId: partOf(fact.orderId, partition) },
      }));
    case 'placed': {
      const parts = new Map<number, PlacedFact>();
      const part = (key: string) => {
        const partition = partitionFor(key, partitions);
        let found = parts.get(partition);
        if (!found)
          parts.set(partition, (found = { ...fact, orderId: partOf(fact.orderId, partition), lines: [], revenue: [] }));
        return found;
      };
      for (const line of fact.lines) part(line.itemId).lines.push(line);
      for (const share of fact.revenue) part(share.category).revenue.push(share);
      return [...parts].sort(([a], [b]) => a - b).map(([partition, placed]) => ({ partition, fact: placed }));
    }
  }
}

function partOf(orderId: string, partition: number): string {
  return `${orderId}#${partition}`;
}

/**
 * One message key per partition that Kafka's default partitioner (and the embedded bus's, the same
 * murmur2) sends to it: the facts topic's messages carry these, so a part reaches the partition chosen
 * above and a retraction reaches each one.
 */
export function routeKeys(partitions: number): string[] {
  const keys: (string | undefined)[] = Array.from({ length: partitions });
  let found = 0;
  for (let i = 0; found < partitions; i++) {
    const key = `route-${i}`;
    const partition = partitionFor(key, partitions);
    if (keys[partition] === undefined) {
      keys[partition] = key;
      found++;
    }
  }
  return keys as string[];
}

/** The partitions member `index` of `members` owns: every members-th, from its index. */
export function ownedPartitions(index: number, members: number, partitions: number): number[] {
  return Array.from({ length: partitions }, (_, p) => p).filter((p) => p % members === index);
}

/**
 * A member's input partition for the aggregator's clocks: a facts partition and the source partition
 * its facts came from. The re-key stage keeps each source partition's order on every facts partition,
 * but interleaves sources as it reads them; judging lateness per pair keeps each decision on one
 * ordered sequence, as the single aggregator judges per source partition.
 */
export function sharedSource(partition: number, origin: string): string {
  return `${partition}|${origin}`;
}
