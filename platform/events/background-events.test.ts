import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import { BackgroundEvents } from './background-events.ts';
import type { Events } from './events.ts';

const view = (itemId: string): EventOf<'product.viewed'> => ({
  type: 'ProductViewed',
  eventId: `view-${itemId}`,
  occurredAt: 1,
  userId: null,
  itemId,
  category: 'shirts',
});
const search = (query: string): EventOf<'search.performed'> => ({
  type: 'SearchPerformed',
  eventId: `search-${query}`,
  occurredAt: 1,
  userId: null,
  query,
  pincode: '07030',
  filters: {},
  resultIds: [],
  total: 0,
});

function fakeEvents(fail?: TopicName) {
  const published: [TopicName, string[]][] = [];
  const events = {
    publish: (topic: TopicName, batch: { eventId: string }[]) => {
      if (topic === fail) return Promise.reject(new Error(`${topic} is down`));
      published.push([topic, batch.map((e) => e.eventId)]);
      return Promise.resolve();
    },
  } as unknown as Events;
  return { events, published };
}

describe('background events', () => {
  it('publishes what requests recorded together, one publish per topic, in the order recorded', async () => {
    const { events, published } = fakeEvents();
    vi.useFakeTimers();
    const recorder = new BackgroundEvents({ events, logger: pino({ level: 'silent' }), lingerMs: 5 });
    recorder.record('product.viewed', view('a'));
    recorder.record('search.performed', search('tv'));
    await vi.advanceTimersByTimeAsync(4);
    recorder.record('product.viewed', view('b'));
    expect(published).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect(published).toEqual([
      ['product.viewed', ['view-a', 'view-b']],
      ['search.performed', ['search-tv']],
    ]);
  });

  it('publishes what it still holds when closed', async () => {
    const { events, published } = fakeEvents();
    const recorder = new BackgroundEvents({ events, logger: pino({ level: 'silent' }), lingerMs: 60_000 });
    recorder.record('product.viewed', view('a'));
    await recorder.close();
    expect(published).toEqual([['product.viewed', ['view-a']]]);
  });

  it('logs a failed publish instead of failing the requests that recorded it, and keeps publishing other topics', async () => {
    const { events, published } = fakeEvents('search.performed');
    const lines: { msg: string; topic: string }[] = [];
    const logger = pino(
      { level: 'error' },
      { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
    );
    const recorder = new BackgroundEvents({ events, logger, lingerMs: 60_000 });
    recorder.record('search.performed', search('tv'));
    recorder.record('product.viewed', view('a'));
    await recorder.close();
    expect(published).toEqual([['product.viewed', ['view-a']]]);
    expect(lines.map((l) => [l.msg, l.topic])).toEqual([
      ['could not publish recorded events; they are lost', 'search.performed'],
    ]);
  });
});
