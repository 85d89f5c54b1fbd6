// A live report recounted from the lake: it matches after both have read the log, and a changed count is named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import { publishAll, randomShopEvents } from '../../test/support/report-events.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { REPORTED_TOPICS } from '../reports/facts.ts';
import { DEFAULT_SETTINGS } from '../reports/report.ts';
import { ReportConsumer } from '../reports/report-consumer.ts';
import { savedReport } from '../reports/saved-report.ts';
import { SqliteReportCheckpoints } from '../reports/store/sqlite-report-checkpoints.ts';
import { LakeQuery } from './lake-query.ts';
import { LakeWriter } from './lake-writer.ts';
import { verifyReport } from './verify-report.ts';

describe('verifyReport', () => {
  let dir: string;
  let bus: EmbeddedEventBus;
  let events: BusEvents;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-verify-'));
    bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10 });
    events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
    await events.start();
  });
  afterEach(async () => {
    await events.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const checkpoints = () => new SqliteReportCheckpoints(path.join(dir, 'reports.db'));

  async function countReports(): Promise<void> {
    const reports = new ReportConsumer({
      events,
      checkpoints: checkpoints(),
      settings: DEFAULT_SETTINGS,
      logger: silentLogger,
      clock: systemClock,
      newId: newUuid,
      memberId: 'verify-test',
      checkpointEveryMs: 10,
      publish: () => Promise.resolve(),
    });
    await reports.start();
    await waitFor(
      'the report to read the log',
      () => REPORTED_TOPICS.every((t) => bus.endOffsets(t).every((end, p) => reports.nextOffset(t, p) >= end)),
      20_000,
    );
    await reports.close();
  }

  async function writeLake(): Promise<void> {
    const writer = new LakeWriter({
      lakeDir: path.join(dir, 'lake'),
      events,
      logger: silentLogger,
      clock: systemClock,
    });
    await writer.start();
    await waitFor(
      'the lake to read the log',
      () =>
        (Object.keys(TOPICS) as TopicName[]).every((t) =>
          bus.endOffsets(t).every((end, p) => end === 0 || (writer.positions().get(`${t}/${p}`) ?? 0) >= end),
        ),
      20_000,
    );
    await writer.close();
  }

  it('matches the recount of the lake for the same positions, and names what differs when it does not', async () => {
    await publishAll(events, randomShopEvents(11, 1500, Date.UTC(2026, 11, 2, 9), 30));
    await countReports();
    const lake = await LakeQuery.open(path.join(dir, 'lake'));
    const saved = await savedReport(checkpoints(), DEFAULT_SETTINGS);
    // Nothing in the lake yet: not a mismatch, a lake behind the report.
    const early = await verifyReport(lake, saved, DEFAULT_SETTINGS);
    expect(early.matches).toBeNull();
    expect(early.behind.length).toBeGreaterThan(0);

    await writeLake();
    await lake.refresh();
    const verdict = await verifyReport(lake, saved, DEFAULT_SETTINGS);
    expect(verdict).toMatchObject({ matches: true, differences: [], behind: [] });
    expect(verdict.inLake).toBe(verdict.read);
    expect(saved.report.totals.duplicates).toBeGreaterThan(0);

    // A report one count off is caught, naming its window and list.
    const tampered = structuredClone(saved);
    const list = tampered.report.windows.find((w) => w.minutes === 30)!.lists.find((l) => l.entries.length)!;
    list.entries[0]!.count += 1;
    const wrong = await verifyReport(lake, tampered, DEFAULT_SETTINGS);
    expect(wrong.matches).toBe(false);
    expect(wrong.differences.join('\n')).toContain(`30 min, ${list.metric}`);
    lake.close();
  });
});
