// A fact as the Avro record on the reports.facts topic, and back: one flat record for the three kinds of fact.
import type { EventOf } from '../../schemas/topics.ts';
import type { CountFact, Fact } from './facts.ts';
import type { Judged } from './origin-judge.ts';

export type FactRecord = EventOf<'reports.facts'>;

const COUNTED: readonly string[] = ['viewed', 'carted', 'wishlisted', 'searched'] satisfies CountFact['metric'][];

const JUDGED: readonly string[] = ['counted', 'late', 'dropped', 'duplicate', 'part'] satisfies Judged[];

/** The record of a fact (or a part of one) read from `origin`, keyed by `route` onto its partition. */
export function factRecord(fact: Fact, origin: string, route: string, judged: Judged | null = null): FactRecord {
  const record: FactRecord = {
    type: 'ReportFact',
    eventId: fact.id,
    occurredAt: fact.time,
    route,
    origin,
    kind: fact.kind,
    metric: null,
    key: null,
    category: null,
    amount: 0,
    orderId: null,
    refund: false,
    lines: [],
    revenue: [],
    judged,
  };
  switch (fact.kind) {
    case 'count':
      return { ...record, metric: fact.metric, key: fact.key, category: fact.category, amount: fact.amount };
    case 'placed':
      return { ...record, orderId: fact.orderId, lines: fact.lines, revenue: fact.revenue };
    case 'retracted':
      return { ...record, orderId: fact.orderId, refund: fact.refund };
  }
}

/** The fact a record stands for; a record no writer of ours makes (a count without its key) is an error. */
export function factOfRecord(record: FactRecord): Fact {
  const { eventId: id, occurredAt: time } = record;
  switch (record.kind) {
    case 'count':
      if (record.metric === null || !COUNTED.includes(record.metric) || record.key === null)
        throw new Error(`report fact ${id} counts no known metric and key`);
      return {
        kind: 'count',
        id,
        time,
        metric: record.metric as CountFact['metric'],
        key: record.key,
        category: record.category,
        amount: record.amount,
      };
    case 'placed':
      return { kind: 'placed', id, time, orderId: orderOf(record), lines: record.lines, revenue: record.revenue };
    case 'retracted':
      return { kind: 'retracted', id, time, orderId: orderOf(record), refund: record.refund };
  }
}

/** The re-key stage's judgement a record carries, or null from a stage that did not judge. */
export function judgedOfRecord(record: FactRecord): Judged | null {
  const judged = record.judged ?? null;
  if (judged !== null && !JUDGED.includes(judged))
    throw new Error(`report fact ${record.eventId} has no known judgement ${judged}`);
  return judged as Judged | null;
}

function orderOf(record: FactRecord): string {
  if (record.orderId === null) throw new Error(`report fact ${record.eventId} names no order`);
  return record.orderId;
}
