// What the reports API serves: the latest whole report from the snapshots on the reports topic, and the recent ones for streams.
import { mergeSnapshots, type MergedReport, type Snapshot } from './merge-snapshots.ts';

export interface ViewedReport {
  /** The reports topic offset of the newest snapshot in it: ids rise, and resume a stream. */
  id: number;
  report: MergedReport;
}

const KEPT_ENDS = 5;
const HISTORY = 100;

/**
 * Keeps each member's snapshots of its last few window ends. A report is whole when the members'
 * partitions cover every partition; where members have reached different window ends it is the
 * latest end they all have. A member whose partitions were since claimed by another's newer snapshot
 * (a rebalance) is left out. Keeps the last HISTORY reports, so a stream can resume where it left off.
 */
export class ReportView {
  private readonly members = new Map<string, { offset: number; partitions: number[]; byEnd: Map<number, Snapshot> }>();
  private readonly history: ViewedReport[] = [];
  private readonly listeners = new Set<(report: ViewedReport) => void>();

  constructor(private readonly listLength: number) {}

  /** A snapshot read at `offset` of the reports topic; a redelivery (an offset seen) changes nothing. */
  accept(snapshot: Snapshot, offset: number): void {
    const latest = this.latest();
    if (latest && offset <= latest.id) return;
    const member = this.members.get(snapshot.memberId) ?? { offset, partitions: [], byEnd: new Map() };
    member.offset = offset;
    member.partitions = snapshot.partitions;
    member.byEnd.set(snapshot.windows[0]?.end ?? -1, snapshot);
    while (member.byEnd.size > KEPT_ENDS) member.byEnd.delete(Math.min(...member.byEnd.keys()));
    this.members.set(snapshot.memberId, member);
    const report = this.whole(snapshot.partitionCount);
    if (!report) return;
    const viewed = { id: offset, report };
    this.history.push(viewed);
    if (this.history.length > HISTORY) this.history.shift();
    for (const listener of this.listeners) listener(viewed);
  }

  latest(): ViewedReport | undefined {
    return this.history.at(-1);
  }

  /** Reports after `id`; only the latest when `id` is older than what is kept (it stands for all before it). */
  since(id: number | undefined): ViewedReport[] {
    const latest = this.latest();
    if (!latest) return [];
    if (id === undefined) return [latest];
    if (id >= latest.id) return [];
    if (this.history.some((r) => r.id === id)) return this.history.filter((r) => r.id > id);
    return [latest];
  }

  /** Calls `listener` with each new report until the returned function is called. */
  subscribe(listener: (report: ViewedReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private whole(partitionCount: number): MergedReport | undefined {
    // Partitions go to whichever member claimed them last.
    const owner = new Map<number, string>();
    for (const [id, member] of [...this.members].sort(([, a], [, b]) => a.offset - b.offset))
      for (const p of member.partitions) owner.set(p, id);
    const current = [...this.members].filter(([id, m]) => m.partitions.every((p) => owner.get(p) === id));
    if (owner.size < partitionCount || current.length === 0) return undefined;
    const ends = [...current[0]![1].byEnd.keys()].sort((a, b) => b - a);
    for (const end of ends) {
      const snapshots = current.map(([, m]) => m.byEnd.get(end));
      if (snapshots.every((s): s is Snapshot => s !== undefined)) return mergeSnapshots(snapshots, this.listLength);
    }
    return undefined;
  }
}
