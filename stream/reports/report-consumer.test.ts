// The live reports' consumer over the embedded log: counts what was published, checkpoints, and resumes exactly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { isDeepStrictEqual, promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../platform/logger.ts';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openTestEvents, type TestEvents } from '../../test/support/events.ts';
import { publishAll, randomShopEvents, readArrivals } from '../../test/support/report-events.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { recount } from './recount.ts';
import { DEFAULT_SETTINGS } from './report.ts';
import { ReportConsumer, type Snapshot } from './report-consumer.ts';
import { SqliteReportCheckpoints } from './store/sqlite-report-checkpoints.ts';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const run = promisify(execFile);

describe('ReportConsumer', () => {
  let dir: string;
  let t: TestEvents;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-reports-'));
    t = await openTestEvents(dir);
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const consumer = (snapshots: Snapshot[]) =>
    new ReportConsumer({
      events: t.events,
      checkpoints: new SqliteReportCheckpoints(path.join(dir, 'reports.db')),
      settings: DEFAULT_SETTINGS,
      logger: silentLogger,
      clock: systemClock,
      newId: newUuid,
      memberId: 'test',
      checkpointEveryMs: 10,
      publishEveryMs: 10,
      publish: (s) => {
        snapshots.push(s);
        return Promise.resolve();
      },
    });

  it('reports what the log holds, and after a restart resumes from its checkpoint to the recount of everything', async () => {
    const first = randomShopEvents(1, 1500, T0, 20);
    await publishAll(t.events, first);
    const snapshots: Snapshot[] = [];
    let reports = consumer(snapshots);
    await reports.start();
    let expected = recount(await readArrivals(t.events, first.length), DEFAULT_SETTINGS);
    await waitFor('the report of the first events', () => isDeepStrictEqual(reports.report(), expected), 20_000);
    await reports.close();
    // The CLI reads the same report off the checkpoint.
    const { stdout } = await run(
      'node',
      [path.resolve('bin/emporium.mjs'), 'reports', 'top-items', '--metric', 'viewed', '--window', '60', '--json'],
      {
        env: { ...process.env, EMPORIUM_DATA_DIR: dir },
      },
    );
    const answer = JSON.parse(stdout) as { items: { itemId: string; count: number }[]; dropped: number };
    const viewed = expected.windows[2]!.lists.find((l) => l.metric === 'viewed' && l.category === null)!.entries;
    expect(answer.items.map((i) => ({ key: i.itemId, count: i.count }))).toEqual(viewed.slice(0, 10));
    expect(answer.dropped).toBe(expected.windows[2]!.dropped);

    const second = randomShopEvents(2, 1500, T0 + 20 * 60_000, 20);
    await publishAll(t.events, second);
    reports = consumer(snapshots);
    await reports.start();
    expected = recount(await readArrivals(t.events, first.length + second.length), DEFAULT_SETTINGS);
    await waitFor('the report of all events', () => isDeepStrictEqual(reports.report(), expected), 20_000);
    expect(expected.totals.duplicates).toBeGreaterThan(0);
    expect(expected.totals.dropped).toBeGreaterThan(0);
    expect(expected.windows[1]!.lists.find((l) => l.metric === 'bought')!.entries.length).toBeGreaterThan(0);
    await waitFor('the last snapshot', () => isDeepStrictEqual(snapshots.at(-1)?.windows, expected.windows));
    // The snapshot count carries over the restart.
    const sequences = snapshots.map((s) => s.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    await reports.close();
  });
});
