// The re-key stage of the shared live reports: the shop's events in, each fact's parts out on the partitions owning their keys.
import type { Delivered, Events } from '../../platform/events/events.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import type { ReportSettings } from './report.ts';
import { TOPICS } from '../../schemas/topics.ts';
import { factRecord, type FactRecord } from './fact-record.ts';
import { factOf, REPORTED_TOPICS, type ReportedEvent } from './facts.ts';
import { OriginJudge } from './origin-judge.ts';
import { rekeyFact, routeKeys } from './rekey.ts';

export interface RekeyStageOptions {
  events: Events;
  logger: Logger;
  /** The reports' lateness and windows, by which the stage judges each fact once. */
  settings: ReportSettings;
  groupId?: string;
}

/**
 * Any number of shop instances share it as one consumer group over the source topics. Its only state
 * is the judge's clocks (origin-judge.ts), per source partition, so each instance judges the partitions
 * it reads. At least once: a batch's parts are published before its offsets are committed, so a crash
 * (which also forgets the clocks) publishes some again, and the members ignore them by event id on
 * their source's clock (or count them as dropped once past the lateness). Each batch is one source
 * partition's, published in its order, so every facts partition holds each source partition's facts in
 * the source's order.
 */
export class RekeyStage implements Lifecycle {
  private subscription: { stop(): Promise<void> } | undefined;
  private readonly partitions = TOPICS['reports.facts'].partitions;
  private readonly routes = routeKeys(this.partitions);
  private readonly judge: OriginJudge;

  constructor(private readonly options: RekeyStageOptions) {
    this.judge = new OriginJudge(options.settings);
  }

  async start(): Promise<void> {
    this.subscription = await this.options.events.consume({
      groupId: this.options.groupId ?? 'reports-rekey',
      topics: [...REPORTED_TOPICS],
      fromBeginning: true,
      handle: (batch) => this.handle(batch as Delivered<ReportedEvent>[]),
      onError: (error) => this.options.logger.error({ err: error }, 'the reports re-key stage stopped'),
    });
  }

  async close(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async handle(batch: Delivered<ReportedEvent>[]): Promise<void> {
    const records: FactRecord[] = [];
    for (const { event, topic, partition } of batch) {
      const fact = factOf(event);
      if (!fact) continue;
      const origin = `${topic}/${partition}`;
      for (const part of rekeyFact(this.judge, origin, fact, this.partitions))
        records.push(factRecord(part.fact, origin, this.routes[part.partition]!, part.judged));
    }
    try {
      await this.options.events.publish('reports.facts', records);
    } catch (error) {
      // The batch comes again: what the judge let through must pass again.
      this.judge.reset();
      throw error;
    }
  }
}
