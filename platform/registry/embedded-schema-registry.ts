// The embedded schema registry: subjects, versions and ids kept in a JSON file, with the Confluent wire format.
import fs from 'node:fs';
import path from 'node:path';
import avro from 'avsc';
import { backwardIncompatibility } from '../../schemas/compatibility.ts';
import type { SchemaRegistry } from './schema-registry.ts';
import { decodeFramed, encodeFramed, schemaIdOf } from './wire-format.ts';

interface Saved {
  /** Schema text by id; ids start at 1 and never change once given. */
  schemas: Record<string, string>;
  /** Schema ids of each subject, oldest version first. */
  subjects: Record<string, number[]>;
}

/**
 * Valid for one process at a time on one machine: the file is read at start and rewritten (atomically)
 * on each new registration, so ids are stable across restarts.
 */
export class EmbeddedSchemaRegistry implements SchemaRegistry {
  private saved: Saved = { schemas: {}, subjects: {} };
  private readonly types = new Map<number, avro.Type>();

  constructor(private readonly options: { file: string }) {}

  start(): Promise<void> {
    if (fs.existsSync(this.options.file)) this.saved = JSON.parse(fs.readFileSync(this.options.file, 'utf8')) as Saved;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.types.clear();
    return Promise.resolve();
  }

  register(subject: string, schema: string): Promise<number> {
    const text = JSON.stringify(JSON.parse(schema));
    const versions = this.saved.subjects[subject] ?? [];
    const known = versions.find((id) => this.saved.schemas[id] === text);
    if (known !== undefined) return Promise.resolve(known);

    const latest = versions.at(-1);
    if (latest !== undefined) {
      const reason = backwardIncompatibility(avro.Type.forSchema(JSON.parse(text) as avro.Schema), this.typeOf(latest));
      if (reason)
        return Promise.reject(
          new Error(`schema for ${subject} is not backward compatible with version ${versions.length}: ${reason}`),
        );
    }
    const id = Number(
      Object.entries(this.saved.schemas).find(([, t]) => t === text)?.[0] ?? Object.keys(this.saved.schemas).length + 1,
    );
    this.saved = {
      schemas: { ...this.saved.schemas, [id]: text },
      subjects: { ...this.saved.subjects, [subject]: [...versions, id] },
    };
    this.persist();
    return Promise.resolve(id);
  }

  // The executor turns a throw (a value that does not fit, a bad header) into a rejection.
  encode(schemaId: number, value: unknown): Promise<Buffer> {
    return new Promise((resolve) => resolve(encodeFramed(this.typeOf(schemaId), schemaId, value)));
  }

  decode(message: Buffer): Promise<{ schemaId: number; value: unknown }> {
    return new Promise((resolve) => {
      const schemaId = schemaIdOf(message);
      resolve({ schemaId, value: decodeFramed(this.typeOf(schemaId), message) });
    });
  }

  decodeKnown(message: Buffer): { schemaId: number; value: unknown } | undefined {
    const schemaId = schemaIdOf(message);
    const type = this.types.get(schemaId);
    return type ? { schemaId, value: decodeFramed(type, message) } : undefined;
  }

  private typeOf(id: number): avro.Type {
    let type = this.types.get(id);
    if (!type) {
      const text = this.saved.schemas[id];
      if (text === undefined) throw new Error(`unknown schema id ${id}`);
      type = avro.Type.forSchema(JSON.parse(text) as avro.Schema);
      this.types.set(id, type);
    }
    return type;
  }

  private persist(): void {
    fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
    const temporary = `${this.options.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.saved, null, 2));
    fs.renameSync(temporary, this.options.file);
  }
}
