// The live reports on the real Kafka: two shop instances' aggregators, each exact, restarted from their own
// checkpoints, their snapshots merged by the view; everything under the suite's namespace removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
// Decoded Avro records are instances of avsc's record classes: the view's reports are compared as JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaEventBus } from '../../platform/bus/kafka-event-bus.ts';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import type { Events } from '../../platform/events/events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { createSchemaRegistry } from '../../platform/registry/create-schema-registry.ts';
import { ReportView } from '../../serving/reports/report-view.ts';
import { recount } from '../../stream/reports/recount.ts';
import { DEFAULT_SETTINGS, type Report } from '../../stream/reports/report.ts';
import { ReportConsumer } from '../../stream/reports/report-consumer.ts';
import { SqliteReportCheckpoints } from '../../stream/reports/store/sqlite-report-checkpoints.ts';
import { testNamespace } from '../support/namespace.ts';
import { publishAll, randomShopEvents, readArrivals } from '../support/report-events.ts';
import { waitFor } from '../support/wait-for.ts';

const ns = testNamespace('reports');
const { config } = ns;
if (config.bus.kind !== 'real') throw new Error('the real suite needs EMPORIUM_KAFKA_BROKERS');
const { brokers, prefix } = config.bus;
const T0 = Date.UTC(2026, 11, 2, 9);

function eventsOn(): Events {
  return new BusEvents(new KafkaEventBus({ brokers, prefix, logger: silentLogger }), createSchemaRegistry(config));
}

describe('live reports on Kafka', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-reports-real-'));
  let producer: Events;
  beforeAll(async () => {
    producer = eventsOn();
    await producer.start();
  });
  afterAll(async () => {
    await producer.close();
    await ns.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const member = (events: Events, name: string) =>
    new ReportConsumer({
      events,
      checkpoints: new SqliteReportCheckpoints(path.join(dir, `${name}.db`)),
      settings: DEFAULT_SETTINGS,
      logger: silentLogger,
      clock: systemClock,
      newId: newUuid,
      memberId: name,
      groupId: `reports-${name}`,
      checkpointEveryMs: 50,
      publishEveryMs: 50,
    });

  it(
    'counts exactly in each of two instances, resumes from its checkpoint, and the view merges their snapshots',
    { timeout: 400_000 },
    async () => {
      const first = randomShopEvents(3, 1200, T0, 20);
      await publishAll(producer, first);
      let expected: Report = recount(await readArrivals(producer, first.length), DEFAULT_SETTINGS);
      const view = new ReportView(DEFAULT_SETTINGS.listLength);
      const viewer = await producer.consume({
        groupId: 'reports-view',
        topics: ['reports'],
        fromBeginning: true,
        handle: (batch) => {
          for (const { event, offset } of batch) view.accept(event, offset);
          return Promise.resolve();
        },
      });
      const instances = { a: eventsOn(), b: eventsOn() };
      await Promise.all([instances.a.start(), instances.b.start()]);
      let a = member(instances.a, 'a');
      const b = member(instances.b, 'b');
      await Promise.all([a.start(), b.start()]);
      await waitFor(
        'both instances at the recount',
        () => isDeepStrictEqual(a.report(), expected) && isDeepStrictEqual(b.report(), expected),
        60_000,
      );
      await waitFor(
        'the view at the recount',
        () => JSON.stringify(view.latest()?.report.windows) === JSON.stringify(expected.windows),
        30_000,
      );

      // One instance goes away; more events come; it comes back from its own checkpoint and positions.
      await a.close();
      const second = randomShopEvents(4, 1200, T0 + 20 * 60_000, 20);
      await publishAll(producer, second);
      expected = recount(await readArrivals(producer, first.length + second.length), DEFAULT_SETTINGS);
      a = member(instances.a, 'a');
      await a.start();
      await waitFor(
        'both instances at the new recount',
        () => isDeepStrictEqual(a.report(), expected) && isDeepStrictEqual(b.report(), expected),
        60_000,
      );
      await waitFor(
        'the view at the new recount',
        () => JSON.stringify(view.latest()?.report.windows) === JSON.stringify(expected.windows),
        30_000,
      );
      expect(expected.totals.duplicates).toBeGreaterThan(0);

      await Promise.all([a.close(), b.close()]);
      await viewer.stop();
      await Promise.all([instances.a.close(), instances.b.close()]);
    },
  );
});
