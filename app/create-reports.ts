// Wires the live reports: the aggregator (alone, or a shared member behind the re-key stage) or, with Spark
// counting, the re-key stage alone; the view; the API.
import path from 'node:path';
import type { Clock, NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { consumer } from '../platform/events/consumer.ts';
import type { Events } from '../platform/events/events.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { Logger } from '../platform/logger.ts';
import { TOPICS } from '../schemas/topics.ts';
import { ownedPartitions } from '../stream/reports/rekey.ts';
import { RekeyStage } from '../stream/reports/rekey-stage.ts';
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
  const { latenessMs, windowsMinutes, listLength, shared, engine } = config.reports;
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
  const aggregator = () =>
    new ReportConsumer({
      events: deps.events,
      // A shared member's state is of other partitions than an alone aggregator's: a file of its own.
      checkpoints: new SqliteReportCheckpoints(
        path.join(config.dataDir, shared ? `reports-${shared.index}-of-${shared.members}.db` : 'reports.db'),
      ),
      settings,
      logger: deps.logger.child({ component: 'reports' }),
      clock: deps.clock,
      newId: deps.newId,
      memberId: config.reports.memberId,
      // Alone, each shop instance's aggregator counts every partition itself (a group per member). Shared,
      // it counts the re-keyed facts of its own partitions, in a group named after its place.
      groupId: shared ? `reports-shared-${shared.index}-of-${shared.members}` : `reports-${config.reports.memberId}`,
      shared: shared
        ? {
            partitions: ownedPartitions(shared.index, shared.members, TOPICS['reports.facts'].partitions),
          }
        : undefined,
    });
  // Every shared instance runs the re-key stage too: one group, so each source partition is re-keyed once.
  // With Spark counting (batch/spark/ReportsJob.java) the shop instances re-key and view, and count nothing.
  const rekey =
    (shared || engine === 'spark') &&
    new RekeyStage({
      events: deps.events,
      logger: deps.logger.child({ component: 'rekey' }),
      settings,
    });
  const service = new ReportService({ view, catalog: deps.catalog, windowsMinutes: settings.windowsMinutes });
  const router = reportRoutes({
    service,
    view,
    windowsMinutes: settings.windowsMinutes,
    listLength: settings.listLength,
    defaultMinutes: config.reports.defaultWindowMinutes,
  });
  const counting = engine === 'spark' ? [] : [aggregator()];
  const parts: Lifecycle[] = rekey ? [viewer, rekey, ...counting] : [viewer, ...counting];
  return { view, service, router, parts };
}
