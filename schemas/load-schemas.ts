// Loads every Avro schema in this folder once and names the registry subject of each (topic, record) pair.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';
import type { EventType } from './events.ts';
import type { TopicName } from './topics.ts';

export interface EventSchema {
  name: EventType;
  /** Namespace-qualified record name, as the registry and other languages see it. */
  fullName: string;
  /** The schema as registered: the .avsc file's JSON text, normalised. */
  text: string;
  type: avro.Type;
}

const folder = path.dirname(fileURLToPath(import.meta.url));
let cache: Map<EventType, EventSchema> | undefined;

/** Every current event schema by record name (the files outside schemas/published/). */
export function eventSchemas(): Map<EventType, EventSchema> {
  cache ??= new Map(
    fs
      .readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.avsc') && !file.startsWith('published'))
      .map((file) => {
        const schema = parseSchemaFile(path.join(folder, file));
        return [schema.name, schema] as const;
      }),
  );
  return cache;
}

export function eventSchema(name: EventType): EventSchema {
  const schema = eventSchemas().get(name);
  if (!schema) throw new Error(`no Avro schema for event ${name} in schemas/`);
  return schema;
}

export function parseSchemaFile(file: string): EventSchema {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: EventType; namespace?: string };
  const type = avro.Type.forSchema(json as avro.Schema);
  return { name: json.name, fullName: type.name!, text: JSON.stringify(json), type };
}

/** Confluent's TopicRecordNameStrategy: one subject per record type per topic, so a topic carries several types. */
export function subjectOf(topic: TopicName, name: EventType): string {
  return `${topic}-${eventSchema(name).fullName}`;
}
