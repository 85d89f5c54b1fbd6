// The real schema registry: a Confluent-compatible server (Confluent, Apicurio's ccompat API) via @kafkajs/confluent-schema-registry.
import type { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import type avro from 'avsc';
import type { SchemaRegistry } from './schema-registry.ts';
import { decodeFramed, schemaIdOf } from './wire-format.ts';

export class ConfluentSchemaRegistry implements SchemaRegistry {
  private client: ConfluentClient | undefined;
  /** The Avro types of the ids decoded so far (the client's own, for AVRO schemas an avsc Type). */
  private readonly types = new Map<number, avro.Type>();

  /** `subjectPrefix` goes before every subject on the server (the namespace). */
  constructor(private readonly options: { url: string; subjectPrefix?: string }) {}

  async start(): Promise<void> {
    const { SchemaRegistry } = await import('@kafkajs/confluent-schema-registry');
    this.client = new SchemaRegistry({ host: this.options.url, clientId: 'emporium' });
  }

  close(): Promise<void> {
    this.client = undefined;
    return Promise.resolve();
  }

  async register(subject: string, schema: string): Promise<number> {
    const { SchemaType, COMPATIBILITY } = await import('@kafkajs/confluent-schema-registry');
    // BACKWARD, as the embedded registry: a consumer on the new schema reads everything already on the topic.
    const { id } = await this.registry().register(
      { type: SchemaType.AVRO, schema },
      { subject: (this.options.subjectPrefix ?? '') + subject, compatibility: COMPATIBILITY.BACKWARD },
    );
    return id;
  }

  encode(schemaId: number, value: unknown): Promise<Buffer> {
    return this.registry().encode(schemaId, value);
  }

  async decode(message: Buffer): Promise<{ schemaId: number; value: unknown }> {
    const schemaId = schemaIdOf(message);
    const value = (await this.registry().decode(message)) as unknown;
    if (!this.types.has(schemaId)) this.types.set(schemaId, (await this.registry().getSchema(schemaId)) as avro.Type);
    return { schemaId, value };
  }

  decodeKnown(message: Buffer): { schemaId: number; value: unknown } | undefined {
    const schemaId = schemaIdOf(message);
    const type = this.types.get(schemaId);
    return type ? { schemaId, value: decodeFramed(type, message) } : undefined;
  }

  private registry(): ConfluentClient {
    if (!this.client) throw new Error('schema registry client is not started');
    return this.client;
  }
}
