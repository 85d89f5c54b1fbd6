// The schema registry keeps its schemas through a restart: messages already in Kafka decode with the ids
// they were written with, even before the shop registers anything again, and registering again (in another
// order) gives the same ids. A registry of its own (infra/local/servers/schema-registry.sh on a free port,
// its journal topics under this suite's namespace) is stopped and started, so the shared one never goes down.
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../platform/bus/event-bus.ts';
import { KafkaEventBus } from '../../platform/bus/kafka-event-bus.ts';
import { loadConfig } from '../../platform/config.ts';
import { createEvents } from '../../platform/events/create-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { ConfluentSchemaRegistry } from '../../platform/registry/confluent-schema-registry.ts';
import { schemaIdOf } from '../../platform/registry/wire-format.ts';
import type { EventType } from '../../schemas/events.ts';
import { eventSchema, subjectOf } from '../../schemas/load-schemas.ts';
import { SAMPLE_EVENTS } from '../../schemas/sample-events.ts';
import { TOPICS, type EventOf, type TopicName } from '../../schemas/topics.ts';
import { testNamespace } from '../support/namespace.ts';
import { waitFor } from '../support/wait-for.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../infra/local/servers/schema-registry.sh');
const ns = testNamespace('registry');
if (ns.config.bus.kind !== 'real')
  throw new Error('EMPORIUM_KAFKA_BROKERS must name the Kafka broker for the real suite');
const { brokers, prefix } = ns.config.bus;

/** A port free on loopback whose management port (port + 1000, see the script) is free too. */
async function freePort(): Promise<number> {
  const listen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer().once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address() as net.AddressInfo;
        server.close(() => resolve(got));
      });
    });
  for (;;) {
    const port = await listen(0);
    if (port && port < 64_000 && (await listen(port + 1000))) return port;
  }
}

const topics = Object.keys(TOPICS) as TopicName[];
/** Every event type on every topic that carries it: one message per schema the shop registers. */
const published = topics.flatMap((topic) =>
  TOPICS[topic].events.map((type: EventType) => ({ topic, event: SAMPLE_EVENTS[type] })),
);

describe('the schema registry across a restart', () => {
  let port: number;
  let registry: (verb: 'up' | 'down') => Promise<void>;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    port = await freePort();
    const env = {
      ...process.env,
      REGISTRY_PORT: String(port),
      REGISTRY_TOPICS: `${ns.name}.registry`,
      REGISTRY_KAFKA: brokers[0],
    };
    registry = async (verb) => void (await promisify(execFile)('bash', [SCRIPT, verb], { env }));
    config = loadConfig({ ...ns.env, EMPORIUM_SCHEMA_REGISTRY_URL: `http://127.0.0.1:${port}/apis/ccompat/v7` });
    await registry('up');
  }, 300_000);
  afterAll(async () => {
    await registry?.('down');
    await ns.drop();
  }, 300_000);

  it('decodes the messages in Kafka with their own ids after a restart, and gives the same ids again', async () => {
    // The shop registers its schemas at start and publishes one event of every type.
    const events = createEvents(config, { logger: silentLogger });
    await events.start();
    for (const { topic, event } of published) await events.publish(topic, [event as EventOf<typeof topic>]);
    await events.close();
    const registryUrl = config.registry.kind === 'real' ? config.registry : undefined;
    const idOf = async (client: ConfluentSchemaRegistry, order: typeof published) => {
      const ids = new Map<string, number>();
      for (const { topic, event } of order)
        ids.set(
          subjectOf(topic, event.type),
          await client.register(subjectOf(topic, event.type), eventSchema(event.type).text),
        );
      return ids;
    };

    // What is in Kafka, as bytes: each message names its schema by id.
    const bus = new KafkaEventBus({ brokers, prefix, logger: silentLogger });
    await bus.start();
    const messages: BusMessage[] = [];
    const reading = await bus.subscribe({
      groupId: 'read-back',
      topics,
      fromBeginning: true,
      handle: (batch) => {
        messages.push(...batch);
        return Promise.resolve();
      },
    });
    await waitFor('every message read back', () => messages.length === published.length, 30_000);
    await reading.stop();
    await bus.close();
    const before = new ConfluentSchemaRegistry(registryUrl!);
    await before.start();
    const ids = await idOf(before, published);
    const written = new Map(messages.map((m) => [m, schemaIdOf(m.value)]));
    expect(new Set(written.values())).toEqual(new Set(ids.values()));

    await registry('down');
    await registry('up');

    // A client that has cached nothing decodes every message before anything is registered again.
    const after = new ConfluentSchemaRegistry(registryUrl!);
    await after.start();
    for (const message of messages) {
      const { schemaId, value } = await after.decode(message.value);
      expect(schemaId).toBe(written.get(message));
      const sent = published.find(
        (p) => p.topic === message.topic && ids.get(subjectOf(p.topic, p.event.type)) === schemaId,
      )!.event;
      expect({ type: sent.type, ...(value as object) }, `${message.topic}@${message.offset}`).toEqual(sent);
    }
    // Registering again, in the opposite order, gives every schema the id it had.
    expect(await idOf(after, [...published].reverse())).toEqual(ids);
    // A schema new since the restart gets an id of its own, not one already in use.
    const fresh = await after.register(
      'restart-probe-value',
      JSON.stringify({
        type: 'record',
        name: 'RestartProbe',
        namespace: 'emporium.test',
        fields: [{ name: 'at', type: 'long' }],
      }),
    );
    expect([...ids.values()]).not.toContain(fresh);

    // And the shop, started again, reads the whole topic back.
    const again = createEvents(config, { logger: silentLogger });
    await again.start();
    const seen: string[] = [];
    const consuming = await again.consume({
      groupId: 'after-restart',
      topics,
      fromBeginning: true,
      handle: (batch) => {
        seen.push(...batch.map((d) => `${d.topic} ${d.event.type}`));
        return Promise.resolve();
      },
    });
    await waitFor('every message decoded by the shop', () => seen.length === published.length, 30_000);
    await consuming.stop();
    await again.close();
    expect(seen.sort()).toEqual(published.map((p) => `${p.topic} ${p.event.type}`).sort());
  }, 600_000);
});
