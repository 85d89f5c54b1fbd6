// The live reports as a running consumer: reads the shop's topics, counts, checkpoints with its positions, publishes snapshots.
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Delivered, Events } from '../../platform/events/events.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import { TOPICS, type EventOf, type TopicName } from '../../schemas/topics.ts';
import { ReportAggregator } from './aggregator.ts';
import { factOfRecord, judgedOfRecord, type FactRecord } from './fact-record.ts';
import { factOf, REPORTED_TOPICS, type ReportedEvent, type ReportedTopic } from './facts.ts';
import { decodePane, encodePane } from './pane-codec.ts';
import { sharedSource } from './rekey.ts';
import { buildReport } from './report-builder.ts';
import type { Report, ReportSettings } from './report.ts';
import type { Position, ReportCheckpoints } from './store/report-checkpoints.ts';

export type Snapshot = EventOf<'reports'>;

export interface ReportConsumerOptions {
  events: Events;
  checkpoints: ReportCheckpoints;
  settings: ReportSettings;
  logger: Logger;
  clock: Clock;
  newId: NewId;
  /** Names this aggregator in its snapshots. */
  memberId: string;
  groupId?: string;
  topics?: readonly ReportedTopic[];
  /** How often the state is checkpointed while events come (and always on close). */
  checkpointEveryMs?: number;
  /** The least time between two snapshots; a change waits at most this long to be published. */
  publishEveryMs?: number;
  /** Where snapshots go: by default the reports topic. */
  publish?: (snapshot: Snapshot) => Promise<void>;
  /**
   * Shared counting: this member reads the re-keyed facts (`reports.facts`, see rekey-stage.ts) rather
   * than the shop's topics, and counts only the partitions it owns; its group id must be its own.
   */
  shared?: { partitions: readonly number[] };
}

const FACTS = 'reports.facts';

/**
 * Exactly once by construction: the state and the positions it covers are one checkpoint, written in
 * one transaction, and a start seeks the group to the checkpoint's positions (the group's own committed
 * offsets, saved on another schedule, are not trusted). A crash loses only what came after the last
 * checkpoint, and that is read again; what was counted before it is never read twice. Redeliveries by
 * producers (an outbox relayed twice) carry the same event id and are ignored by the aggregator.
 */
export class ReportConsumer implements Lifecycle {
  aggregator: ReportAggregator;
  private readonly positions = new Map<string, Position>();
  private readonly moved = new Set<string>();
  private subscription: { stop(): Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastCheckpoint = 0;
  private lastPublish = 0;
  private publishedVersion = -1;
  private sequence = 0;
  private publishing: Promise<void> = Promise.resolve();
  private readonly topics: readonly (ReportedTopic | typeof FACTS)[];
  private readonly groupId: string;

  constructor(private readonly options: ReportConsumerOptions) {
    this.aggregator = new ReportAggregator(options.settings);
    this.topics = options.shared ? [FACTS] : (options.topics ?? REPORTED_TOPICS);
    this.groupId = options.groupId ?? 'reports';
  }

  async start(): Promise<void> {
    const { checkpoints, events } = this.options;
    await checkpoints.start();
    const saved = await checkpoints.load();
    this.aggregator = new ReportAggregator(this.options.settings);
    const keys = this.aggregator.keys;
    this.aggregator.restore({
      sources: saved.sources,
      panes: saved.panes.map((p) => decodePane(p.source, p.minute, p.body, keys)),
      totals: saved.meta?.totals ?? { counted: 0, late: 0, dropped: 0, duplicates: 0 },
    });
    this.sequence = saved.meta?.sequence ?? 0;
    for (const p of saved.positions) this.positions.set(`${p.topic}/${p.partition}`, p);
    // Every partition from the checkpoint's position, or from the start of the log if it never had one.
    for (const topic of this.topics) {
      const offsets = this.owned(topic).map((partition) => ({
        partition,
        offset: this.positions.get(`${topic}/${partition}`)?.nextOffset ?? 0,
      }));
      await events.setOffsets(this.groupId, topic, offsets);
    }
    this.lastCheckpoint = this.options.clock();
    const shared = this.options.shared;
    this.subscription = await events.consume({
      groupId: this.groupId,
      topics: [...this.topics],
      fromBeginning: true,
      partitions: shared?.partitions,
      handle: (batch) =>
        shared ? this.handleFacts(batch as Delivered<FactRecord>[]) : this.handle(batch as Delivered<ReportedEvent>[]),
      onError: (error) => this.options.logger.error({ err: error }, 'live reports stopped'),
    });
    const every = this.options.publishEveryMs ?? 1000;
    this.timer = setInterval(() => this.publishIfChanged(every), every);
    this.publishIfChanged(0);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.publishing;
    await this.checkpoint();
    await this.options.checkpoints.close();
  }

  /** The next offset this consumer reads on a partition (0 before it read any). */
  nextOffset(topic: string, partition: number): number {
    return this.positions.get(`${topic}/${partition}`)?.nextOffset ?? 0;
  }

  /** The report as of the state in hand. */
  report(): Report {
    return buildReport(this.aggregator);
  }

  private async handle(batch: Delivered<ReportedEvent>[]): Promise<void> {
    // A batch is one partition's as the buses deliver them; the position is noted once per run of it.
    let source = '';
    let last: Delivered<ReportedEvent> | undefined;
    for (const delivered of batch) {
      if (delivered.topic !== last?.topic || delivered.partition !== last.partition) {
        if (last) this.movedTo(source, last);
        source = `${delivered.topic}/${delivered.partition}`;
      }
      last = delivered;
      const fact = factOf(delivered.event);
      if (fact) this.aggregator.add(source, fact);
    }
    if (last) this.movedTo(source, last);
    await this.handled();
  }

  /** Re-keyed facts: counted on the clock of their facts partition and origin, by the stage's judgement. */
  private async handleFacts(batch: Delivered<FactRecord>[]): Promise<void> {
    let last: Delivered<FactRecord> | undefined;
    for (const delivered of batch) {
      if (last && delivered.partition !== last.partition) this.movedTo(`${FACTS}/${last.partition}`, last);
      last = delivered;
      const { event } = delivered;
      this.aggregator.add(sharedSource(delivered.partition, event.origin), factOfRecord(event), judgedOfRecord(event));
    }
    if (last) this.movedTo(`${FACTS}/${last.partition}`, last);
    await this.handled();
  }

  private async handled(): Promise<void> {
    if (this.options.clock() - this.lastCheckpoint >= (this.options.checkpointEveryMs ?? 1000)) await this.checkpoint();
    this.publishIfChanged(this.options.publishEveryMs ?? 1000);
  }

  /** The partitions of a topic this consumer counts: all, or the ones it owns when shared. */
  private owned(topic: TopicName): number[] {
    const all = Array.from({ length: TOPICS[topic].partitions }, (_, partition) => partition);
    return this.options.shared ? all.filter((p) => this.options.shared!.partitions.includes(p)) : all;
  }

  /** Notes that everything up to `last` on its partition (`source`) is in the state. */
  private movedTo(source: string, { topic, partition, offset }: Delivered<unknown>): void {
    this.positions.set(source, { topic, partition, nextOffset: offset + 1 });
    this.moved.add(source);
  }

  private async checkpoint(): Promise<void> {
    const changes = this.aggregator.takeChanges();
    const keys = this.aggregator.keys;
    await this.options.checkpoints.save({
      panes: changes.panes.map((pane) => ({
        source: pane.source,
        minute: pane.minute,
        body: encodePane(pane, keys),
      })),
      removed: changes.removed,
      sources: changes.sources,
      positions: [...this.moved].map((source) => this.positions.get(source)!),
      meta: { totals: { ...this.aggregator.totals }, sequence: this.sequence },
    });
    this.moved.clear();
    this.lastCheckpoint = this.options.clock();
  }

  private publishIfChanged(minGapMs: number): void {
    const now = this.options.clock();
    if (this.aggregator.version === this.publishedVersion || now - this.lastPublish < minGapMs) return;
    this.publishedVersion = this.aggregator.version;
    this.lastPublish = now;
    const report = this.report();
    const snapshot: Snapshot = {
      type: 'ReportSnapshot',
      eventId: this.options.newId(),
      occurredAt: now,
      memberId: this.options.memberId,
      sequence: ++this.sequence,
      // The single aggregator counts everything: the whole of one input, as the view sees it.
      partitions: this.options.shared ? [...this.options.shared.partitions] : [0],
      partitionCount: this.options.shared ? TOPICS[FACTS].partitions : 1,
      ...report,
    };
    const publish = this.options.publish ?? ((s: Snapshot) => this.options.events.publish('reports', [s]));
    this.publishing = this.publishing
      .then(() => publish(snapshot))
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'could not publish a report snapshot'));
  }
}
