// The report as of the last checkpoint, read straight from the checkpoint store (for the CLI and verify).
import { ReportAggregator } from './aggregator.ts';
import { decodePane } from './pane-codec.ts';
import { buildReport } from './report-builder.ts';
import type { Report, ReportSettings } from './report.ts';
import type { Position, ReportCheckpoints } from './store/report-checkpoints.ts';

/** The saved state's report and the positions it covers; the store is started and closed here. */
export async function savedReport(
  checkpoints: ReportCheckpoints,
  settings: ReportSettings,
): Promise<{ report: Report; positions: Position[] }> {
  await checkpoints.start();
  try {
    const saved = await checkpoints.load();
    const aggregator = new ReportAggregator(settings);
    aggregator.restore({
      sources: saved.sources,
      panes: saved.panes.map((p) => decodePane(p.source, p.minute, p.body, aggregator.keys)),
      totals: saved.meta?.totals ?? { counted: 0, late: 0, dropped: 0, duplicates: 0 },
    });
    return { report: buildReport(aggregator), positions: saved.positions };
  } finally {
    await checkpoints.close();
  }
}
