// The event bus contract: every adapter (embedded log, Kafka) must pass the same suite.
import { afterEach, describe, expect, it } from 'vitest';
import type { BusMessage, EventBus, SubscribeOptions, Subscription } from '../../platform/bus/event-bus.ts';
import { waitFor } from '../support/wait-for.ts';

export interface BusHarness {
  /** Opens a client on the same storage or cluster; a restart is close() then open(). */
  open(): Promise<EventBus>;
  /** A name no earlier run used, so runs against a long-lived server never see old messages. */
  unique(name: string): string;
  /** Time allowed for delivery and group rebalances (Kafka needs seconds). */
  timeoutMs: number;
}

const PARTITIONS = 6;

// Map.groupBy arrives only in Node 21.
function groupBy<K>(messages: BusMessage[], by: (m: BusMessage) => K): Map<K, BusMessage[]> {
  const groups = new Map<K, BusMessage[]>();
  for (const m of messages) groups.set(by(m), [...(groups.get(by(m)) ?? []), m]);
  return groups;
}

export function eventBusContract(adapter: string, makeHarness: () => BusHarness): void {
  describe(`event bus contract: ${adapter}`, () => {
    const h = makeHarness();
    const open: EventBus[] = [];
    const subscriptions: Subscription[] = [];

    afterEach(async () => {
      for (const s of subscriptions.splice(0)) await s.stop();
      for (const bus of open.splice(0)) await bus.close();
    });

    async function openBus(topic: string): Promise<EventBus> {
      const bus = await h.open();
      open.push(bus);
      await bus.createTopics([{ name: topic, partitions: PARTITIONS }]);
      return bus;
    }

    async function publishRange(bus: EventBus, topic: string, from: number, to: number, keys = 12): Promise<void> {
      const messages = [];
      for (let i = from; i < to; i++) messages.push({ key: `key-${i % keys}`, value: Buffer.from(String(i)) });
      await bus.publish(topic, messages);
    }

    async function collect(
      bus: EventBus,
      options: Omit<SubscribeOptions, 'handle'> & { fail?: (m: BusMessage) => boolean },
    ) {
      const received: BusMessage[] = [];
      const errors: unknown[] = [];
      const subscription = await bus.subscribe({
        onError: (e) => errors.push(e),
        ...options,
        handle: (batch) => {
          for (const m of batch)
            if (options.fail?.(m)) return Promise.reject(new Error(`handler failed at ${m.value.toString()}`));
          received.push(...batch);
          return Promise.resolve();
        },
      });
      subscriptions.push(subscription);
      return { received, errors, subscription, values: () => received.map((m) => Number(m.value.toString())) };
    }

    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

    it('puts each key on one partition and delivers it in publish order', async () => {
      const topic = h.unique('order');
      const bus = await openBus(topic);
      await publishRange(bus, topic, 0, 30);
      await publishRange(bus, topic, 30, 60);
      const c = await collect(bus, { groupId: h.unique('g'), topics: [topic], fromBeginning: true });
      await waitFor('60 messages', () => c.received.length >= 60, h.timeoutMs);

      const byKey = groupBy(c.received, (m) => m.key);
      expect(byKey.size).toBe(12);
      for (const [key, messages] of byKey) {
        expect(new Set(messages.map((m) => m.partition)).size, key).toBe(1);
        const values = messages.map((m) => Number(m.value.toString()));
        expect(values, key).toEqual([...values].sort((a, b) => a - b));
      }
      for (const [, messages] of groupBy(c.received, (m) => m.partition)) {
        expect(messages.map((m) => m.offset)).toEqual(range(0, messages.length));
      }
    });

    it('lets a new group replay the topic from the start while an old group keeps its place', async () => {
      const topic = h.unique('replay');
      const bus = await openBus(topic);
      await publishRange(bus, topic, 0, 40);
      const first = await collect(bus, { groupId: h.unique('first'), topics: [topic], fromBeginning: true });
      await waitFor('first group', () => first.received.length >= 40, h.timeoutMs);
      const second = await collect(bus, { groupId: h.unique('second'), topics: [topic], fromBeginning: true });
      await waitFor('second group', () => second.received.length >= 40, h.timeoutMs);
      expect(second.values().sort((a, b) => a - b)).toEqual(range(0, 40));
      expect(first.received).toHaveLength(40);
    });

    it('starts a new group without fromBeginning at the end of the log', async () => {
      const topic = h.unique('latest');
      const bus = await openBus(topic);
      await publishRange(bus, topic, 0, 10);
      const c = await collect(bus, { groupId: h.unique('late'), topics: [topic] });
      await publishRange(bus, topic, 10, 20);
      await waitFor('new messages', () => c.received.length >= 10, h.timeoutMs);
      expect(c.values().sort((a, b) => a - b)).toEqual(range(10, 20));
    });

    it('resumes a group after a restart from its committed offsets without losing a message', async () => {
      const topic = h.unique('restart');
      const groupId = h.unique('resume');
      let bus = await openBus(topic);
      await publishRange(bus, topic, 0, 50);
      const before = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      await waitFor('first half', () => before.received.length >= 50, h.timeoutMs);
      await bus.close();
      open.splice(open.indexOf(bus), 1);
      subscriptions.length = 0;

      bus = await openBus(topic);
      await publishRange(bus, topic, 50, 80);
      const after = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      await waitFor('second half', () => after.received.length >= 30, h.timeoutMs);
      expect(after.values().sort((a, b) => a - b)).toEqual(range(50, 80));
    });

    it('redelivers a batch whose handler failed, so a crash mid-consumption loses nothing', async () => {
      const topic = h.unique('crash');
      const groupId = h.unique('crashy');
      const bus = await openBus(topic);
      await publishRange(bus, topic, 0, 60);
      const crashing = await collect(bus, {
        groupId,
        topics: [topic],
        fromBeginning: true,
        fail: (m) => m.value.toString() === '37',
      });
      await waitFor('the handler to fail', () => crashing.errors.length > 0, h.timeoutMs);
      await crashing.subscription.stop();

      const recovered = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      await waitFor('the rest', () => new Set([...crashing.values(), ...recovered.values()]).size >= 60, h.timeoutMs);
      expect(recovered.values()).toContain(37);
      // At-least-once: only messages of the failed partition may come twice, never one that was committed.
      const failedPartition = recovered.received.find((m) => m.value.toString() === '37')!.partition;
      const twice = crashing.received.filter((m) => recovered.values().includes(Number(m.value.toString())));
      expect(twice.every((m) => m.partition === failedPartition)).toBe(true);
    });

    it('splits partitions between two consumers of one group and together they see every message', async () => {
      const topic = h.unique('split');
      const groupId = h.unique('pair');
      const bus = await openBus(topic);
      const a = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      const b = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      await publishRange(bus, topic, 0, 120, 60);
      await waitFor('every message', () => new Set([...a.values(), ...b.values()]).size >= 120, h.timeoutMs);

      const partitionsOf = (c: { received: BusMessage[] }) => new Set(c.received.map((m) => m.partition));
      expect(partitionsOf(a).size).toBeGreaterThan(0);
      expect(partitionsOf(b).size).toBeGreaterThan(0);
      expect([...partitionsOf(a)].filter((p) => partitionsOf(b).has(p))).toEqual([]);
    });

    it('lets two consumers join one group at the same moment, each then holding some partitions', async () => {
      const topic = h.unique('together');
      const groupId = h.unique('together');
      const bus = await openBus(topic);
      // Kafka rebalances while the two join (over two topics, as the live reports' re-key stage reads
      // six); neither may be left out of the group, nor stopped.
      const other = h.unique('together-other');
      await bus.createTopics([{ name: other, partitions: PARTITIONS }]);
      const [a, b] = await Promise.all([
        collect(bus, { groupId, topics: [topic, other], fromBeginning: true }),
        collect(bus, { groupId, topics: [topic, other], fromBeginning: true }),
      ]);
      await publishRange(bus, topic, 0, 120, 60);
      await waitFor('every message', () => new Set([...a.values(), ...b.values()]).size >= 120, h.timeoutMs);
      expect(a.received.length).toBeGreaterThan(0);
      expect(b.received.length).toBeGreaterThan(0);
      expect([...a.errors, ...b.errors]).toEqual([]);
    });

    it('replays a stopped group from an offset it is moved to', async () => {
      const topic = h.unique('seek');
      const groupId = h.unique('seeker');
      const bus = await openBus(topic);
      await bus.publish(
        topic,
        range(0, 10).map((i) => ({ key: 'one-key', value: Buffer.from(String(i)) })),
      );
      const first = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      await waitFor('all ten', () => first.received.length >= 10, h.timeoutMs);
      await first.subscription.stop();

      const partition = first.received[0]!.partition;
      await bus.setOffsets(groupId, topic, [{ partition, offset: 6 }]);
      const again = await collect(bus, { groupId, topics: [topic] });
      await waitFor('the replay', () => again.received.length >= 4, h.timeoutMs);
      expect(again.values()).toEqual([6, 7, 8, 9]);
    });
    it('starts a partition where startFrom says, over the committed offset, back or forward', async () => {
      const topic = h.unique('start');
      const groupId = h.unique('resumer');
      const bus = await openBus(topic);
      await bus.publish(
        topic,
        range(0, 10).map((i) => ({ key: 'one-key', value: Buffer.from(String(i)) })),
      );
      const first = await collect(bus, { groupId, topics: [topic], fromBeginning: true });
      await waitFor('all ten', () => first.received.length >= 10, h.timeoutMs);
      await first.subscription.stop();

      // The group committed 10; the consumer's own record says it kept only up to 3 (a lake's files).
      const partition = first.received[0]!.partition;
      const asked: number[] = [];
      const again = await collect(bus, {
        groupId,
        topics: [topic],
        startFrom: (t, p) => {
          asked.push(p);
          return Promise.resolve(t === topic && p === partition ? 4 : undefined);
        },
      });
      await waitFor('the resumed messages', () => again.received.length >= 6, h.timeoutMs);
      expect(again.values()).toEqual([4, 5, 6, 7, 8, 9]);
      expect(asked).toContain(partition);
    });
  });
}
