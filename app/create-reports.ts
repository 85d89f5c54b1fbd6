// Wires the live reports: the aggregator consuming the shop's topics, the view reading its snapshots, the API.
import path from 'node:path';
import type { Clock, NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { consumer } from '../platform/events/consumer.ts';
import type { Events } from '../platform/events/events.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { Logger } from '../platform/logger.ts';
import { ReportConsumer } from '../stream/reports/report-consumer.ts';
import { SqliteReportCheckpoints } from '../stream/reports/store/sqlite-report-checkpoints.ts';
import type { CatalogService } from '../serving/catalog/catalog-service.ts';
import { ReportService } from '../serving/reports/report-service.ts';
import { ReportView } from '../serving/reports/report-view.ts';
import { reportRoutes } from '../serving/reports/routes.ts';

export function createReports(
  config: Config,
  deps: { events: Events; catalog: CatalogService; logger: Logger; clock: Clock; newId: NewId },
) {
  const { latenessMs, windowsMinutes, listLength } = config.reports;
  const settings = { latenessMs, windowsMinutes, listLength };
  const view = new ReportView(settings.listLength);
  // The view reads the reports topic (in real mode every member's snapshots); a shop instance's view
  // has a group of its own, and each aggregator publishes its snapshot again on start.
  const viewer = consumer(deps.events, deps.logger, {
    groupId: `reports-view-${config.reports.memberId}`,
    topics: ['reports'],
    handle: (batch) => {
      for (const { event, offset } of batch) view.accept(event, offset);
      return Promise.resolve();
    },
  });
  const aggregator = new ReportConsumer({
    events: deps.events,
    checkpoints: new SqliteReportCheckpoints(path.join(config.dataDir, 'reports.db')),
    settings,
    logger: deps.logger.child({ component: 'reports' }),
    clock: deps.clock,
    newId: deps.newId,
    memberId: config.reports.memberId,
    // A group per member: until facts are repartitioned by key (docs/architecture.md), each shop
    // instance's aggregator counts every partition itself, which keeps every instance's report exact.
    groupId: `reports-${config.reports.memberId}`,
  });
  const service = new ReportService({ view, catalog: deps.catalog, windowsMinutes: settings.windowsMinutes });
  const router = reportRoutes({
    service,
    view,
    windowsMinutes: settings.windowsMinutes,
    listLength: settings.listLength,
    defaultMinutes: config.reports.defaultWindowMinutes,
  });
  const parts: Lifecycle[] = [viewer, aggregator];
  return { view, aggregator, service, router, parts };
}
