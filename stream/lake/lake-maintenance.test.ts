// Compaction and retention over a written lake: what readers see never changes, and a cut-short compaction recovers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import { publishAll, randomShopEvents } from '../../test/support/report-events.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { compactLake } from './compactor.ts';
import { listLakeFiles, readFloors } from './lake-files.ts';
import { LakeQuery } from './lake-query.ts';
import { LakeWriter } from './lake-writer.ts';
import { liveFiles } from './layout.ts';
import { pruneLake, retentionCutoff } from './retention.ts';

const T0 = Date.UTC(2026, 11, 2, 23, 50, 0);

describe('lake compaction and retention', () => {
  let dir: string;
  let lakeDir: string;
  let bus: EmbeddedEventBus;
  let events: BusEvents;
  const sent = randomShopEvents(5, 600, T0, 20);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-lake-maint-'));
    lakeDir = path.join(dir, 'lake');
    bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10 });
    events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
    await events.start();
    // Written a slice at a time, as a quiet shop's flushes make small files.
    for (let i = 0; i < 4; i++) {
      await publishAll(events, sent.slice((i * sent.length) / 4, ((i + 1) * sent.length) / 4));
      await writeAll();
    }
  });
  afterEach(async () => {
    await events.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function writeAll(): Promise<void> {
    const w = new LakeWriter({ lakeDir, events, logger: silentLogger, clock: systemClock, flushRows: 4 });
    await w.start();
    await waitFor(
      'the whole log',
      () =>
        (Object.keys(TOPICS) as TopicName[]).every((topic) =>
          bus.endOffsets(topic).every((end, p) => end === 0 || (w.positions().get(`${topic}/${p}`) ?? 0) >= end),
        ),
      20_000,
    );
    await w.close();
  }

  async function read(sql = 'select event_id, kafka_partition, kafka_offset, event_type from events order by all') {
    const lake = await LakeQuery.open(lakeDir);
    try {
      return await lake.rows(sql);
    } finally {
      lake.close();
    }
  }

  it('merges the small files of each folder and partition into one, rows unchanged', async () => {
    const rows = await read();
    const before = await listLakeFiles(lakeDir);
    const summary = await compactLake(lakeDir);
    const after = await listLakeFiles(lakeDir);
    const folders = new Set(before.map((f) => `${f.topic}/${f.date}/${f.partition}`));
    expect(after.length).toBe(folders.size);
    expect(summary).toMatchObject({ filesBefore: before.length, filesAfter: after.length });
    expect(summary.merged).toBeGreaterThan(10);
    expect(after.length).toBeLessThan(before.length / 2);
    expect(await read()).toEqual(rows);
    const [sorted] = await read(
      `select count(*) filter (where kafka_offset < prev) as unsorted from (select kafka_offset, lag(kafka_offset) over () as prev from read_parquet('${path.join(lakeDir, after[0]!.path)}'))`,
    );
    expect(sorted!.unsorted).toBe(0);
  });

  it('is read the same while cut short after the merged file is in, and the next run finishes it', async () => {
    const rows = await read();
    await expect(
      compactLake(lakeDir, {
        crashPoint: (moment) => {
          if (moment === 'moved') throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    const files = await listLakeFiles(lakeDir);
    expect(liveFiles(files).length).toBeLessThan(files.length); // the merged file and its inputs, side by side
    expect(await read()).toEqual(rows);
    await compactLake(lakeDir);
    expect(liveFiles(await listLakeFiles(lakeDir))).toHaveLength((await listLakeFiles(lakeDir)).length);
    expect(await read()).toEqual(rows);
  });

  it('deletes the days past retention and never writes them again', async () => {
    const now = Date.UTC(2026, 11, 3, 12);
    expect(retentionCutoff(now, 1)).toBe('2026-12-03');
    const summary = await pruneLake(lakeDir, 1, now);
    expect(summary.folders.every((f) => f.endsWith('date=2026-12-02'))).toBe(true);
    expect(summary.files).toBeGreaterThan(0);
    const left = await read('select count(*) as n, min(date)::VARCHAR as first from events');
    expect(left[0]!.first).toBe('2026-12-03');
    expect(Object.keys(await readFloors(lakeDir)).length).toBeGreaterThan(0);
    // A writer over the same log resumes past what retention deleted.
    await writeAll();
    expect(await read('select count(*) as n from events')).toEqual([{ n: left[0]!.n }]);
  });
});
