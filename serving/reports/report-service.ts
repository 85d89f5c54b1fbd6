// The questions the reports API answers, read off the latest whole report: top items, top searches, revenue.
import { DomainError, invalid } from '../../platform/errors.ts';
import type { ReportWindowRecord } from '../../schemas/events.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { ItemMetric } from './item-metrics.ts';
import type { ReportView, ViewedReport } from './report-view.ts';

/** What every answer is stamped with: the window it covers, the watermark and the events it could not count. */
export interface Stamp {
  reportId: number;
  window: { minutes: number; start: string; end: string };
  watermark: string | null;
  late: number;
  dropped: number;
}

export class ReportService {
  constructor(
    private readonly deps: {
      view: ReportView;
      catalog: Pick<CatalogService, 'getMany'>;
      windowsMinutes: readonly number[];
    },
  ) {}

  async topItems(metric: ItemMetric, minutes: number, category: string | undefined, limit: number) {
    const { stamp, window } = this.window(minutes);
    const entries = this.list(window, metric, category).slice(0, limit);
    const items = await this.deps.catalog.getMany(entries.map((e) => e.key));
    return {
      ...stamp,
      metric,
      category: category ?? null,
      items: entries.map((e, i) => ({ itemId: e.key, name: items[i]?.name ?? null, count: e.count })),
    };
  }

  topSearches(minutes: number, category: string | undefined, limit: number) {
    const { stamp, window } = this.window(minutes);
    return {
      ...stamp,
      category: category ?? null,
      queries: this.list(window, 'searched', category)
        .slice(0, limit)
        .map((e) => ({ query: e.key, count: e.count })),
    };
  }

  revenueByCategory(minutes: number) {
    const { stamp, window } = this.window(minutes);
    return {
      ...stamp,
      totalRevenueMinor: window.revenue.reduce((sum, r) => sum + r.revenueMinor, 0),
      categories: window.revenue,
    };
  }

  /** The latest whole report, as the stream sends it. */
  latest(): ViewedReport {
    const latest = this.deps.view.latest();
    if (!latest) throw new DomainError('unavailable', null, 'no live report yet: the aggregator has not published one');
    return latest;
  }

  private window(minutes: number): { stamp: Stamp; window: ReportWindowRecord } {
    if (!this.deps.windowsMinutes.includes(minutes))
      throw invalid('window', `must be one of ${this.deps.windowsMinutes.map((m) => `${m}m`).join(', ')}`);
    const { id, report } = this.latest();
    const window = report.windows.find((w) => w.minutes === minutes);
    if (!window) throw new DomainError('unavailable', null, 'no live report yet: no event has been counted');
    return {
      window,
      stamp: {
        reportId: id,
        window: { minutes, start: iso(window.start), end: iso(window.end) },
        watermark: report.watermark === null ? null : iso(report.watermark),
        late: window.late,
        dropped: window.dropped,
      },
    };
  }

  private list(window: ReportWindowRecord, metric: string, category: string | undefined) {
    return window.lists.find((l) => l.metric === metric && l.category === (category ?? null))?.entries ?? [];
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
