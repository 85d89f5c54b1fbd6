// The lake on the real Kafka: the same writer and layout in a configured folder, resuming from its files
// (not the group's committed offsets) after losing its newest file; everything under the suite's namespace removed after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { listLakeFiles } from '../../stream/lake/lake-files.ts';
import { LakeQuery } from '../../stream/lake/lake-query.ts';
import { LakeWriter } from '../../stream/lake/lake-writer.ts';
import { testNamespace } from '../support/namespace.ts';
import { suiteEvents } from '../support/suite-events.ts';
import { publishAll, randomShopEvents, type Published } from '../support/report-events.ts';
import { waitFor } from '../support/wait-for.ts';

const ns = testNamespace('lake');
const lakeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-lake-real-'));
const config = loadConfig({ ...ns.env, EMPORIUM_LAKE_DIR: lakeDir });
if (config.bus.kind !== 'real') throw new Error('the real suite needs EMPORIUM_KAFKA_BROKERS');

describe('the lake on Kafka', () => {
  const events = suiteEvents(config, ns, lakeDir);

  /** Runs a writer until it has accepted every event sent so far, then closes it (flushing). */
  async function writeAll(sent: Published[]): Promise<void> {
    const e = await events();
    const writer = new LakeWriter({
      lakeDir: config.lakeDir,
      events: e,
      logger: silentLogger,
      clock: systemClock,
      flushRows: 50,
    });
    await writer.start();
    const perTopic = new Map<string, number>();
    for (const p of sent) perTopic.set(p.topic, (perTopic.get(p.topic) ?? 0) + 1);
    const accepted = (topic: string) =>
      [...writer.positions()].filter(([k]) => k.startsWith(`${topic}/`)).reduce((s, [, n]) => s + n, 0);
    await waitFor('every event accepted', () => [...perTopic].every(([t, n]) => accepted(t) >= n), 60_000);
    await writer.close();
  }

  async function landed(): Promise<string[]> {
    const lake = await LakeQuery.open(config.lakeDir);
    try {
      return (await lake.rows('select event_id from events order by event_id')).map((r) => String(r.event_id));
    } finally {
      lake.close();
    }
  }

  it('writes the layout from Kafka and resumes from its files, each event once', async () => {
    expect(config.lakeDir).toBe(lakeDir);
    const producer = await events();
    const sent = randomShopEvents(23, 800, Date.UTC(2026, 11, 2, 23, 50), 20);
    await publishAll(producer, sent.slice(0, 500));
    await writeAll(sent.slice(0, 500));
    expect(await landed()).toEqual(
      sent
        .slice(0, 500)
        .map((p) => p.event.eventId)
        .sort(),
    );

    // The newest file of one partition lost (as if the writer died before flushing it, the group's
    // offset already past it): the next writer seeks back to the files' position and writes it again.
    const files = await listLakeFiles(config.lakeDir);
    const newest = files.reduce((a, b) => (b.lastOffset > a.lastOffset ? b : a));
    // A flush that spans midnight wrote a file in each date folder: both go, as a flush lands whole or not at all.
    const lost = files.filter(
      (f) => f.topic === newest.topic && f.partition === newest.partition && f.lastOffset === newest.lastOffset,
    );
    for (const f of lost) fs.rmSync(path.join(config.lakeDir, f.path));
    await publishAll(producer, sent.slice(500));
    await writeAll(sent);
    expect(await landed()).toEqual(sent.map((p) => p.event.eventId).sort());
    // Written again from the first lost offset (in a flush that runs on into the newer events).
    const again = await listLakeFiles(config.lakeDir);
    expect(
      again.some(
        (f) => f.topic === newest.topic && f.partition === newest.partition && f.firstOffset === newest.firstOffset,
      ),
    ).toBe(true);
  }, 180_000);
});
