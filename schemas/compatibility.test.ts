// Every event schema must stay readable: the current schema reads data written with each published version.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { backwardIncompatibility } from './compatibility.ts';
import { eventSchemas, parseSchemaFile } from './load-schemas.ts';

const publishedFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'published');
const published = fs.readdirSync(publishedFolder).map((file) => ({
  file,
  version: Number(/\.v(\d+)\.avsc$/.exec(file)?.[1]),
  schema: parseSchemaFile(path.join(publishedFolder, file)),
}));

describe('published event schemas', () => {
  it.each([...eventSchemas().values()].map((s) => [s.name, s] as const))(
    '%s reads every published version and is itself published',
    (name, current) => {
      const versions = published.filter((p) => p.schema.name === name).sort((a, b) => a.version - b.version);
      expect(versions.length, `${name} has no published version in schemas/published/`).toBeGreaterThan(0);
      for (const old of versions) {
        expect(backwardIncompatibility(current.type, old.schema.type), `${name} cannot read ${old.file}`).toBeNull();
      }
      const latest = versions.at(-1)!;
      expect(
        JSON.parse(current.text),
        `${name} changed since ${latest.file}: copy it to schemas/published/${name}.v${latest.version + 1}.avsc`,
      ).toEqual(JSON.parse(latest.schema.text));
    },
  );

  it('keeps every published event type', () => {
    const current = new Set(eventSchemas().keys());
    expect(published.map((p) => p.schema.name).filter((name) => !current.has(name))).toEqual([]);
  });
});

describe('backwardIncompatibility', () => {
  const v1 = avro.Type.forSchema({ type: 'record', name: 'Thing', fields: [{ name: 'id', type: 'string' }] });

  it('accepts a new field that has a default and a widened type', () => {
    const v2 = avro.Type.forSchema({
      type: 'record',
      name: 'Thing',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'note', type: ['null', 'string'], default: null },
      ],
    });
    expect(backwardIncompatibility(v2, v1)).toBeNull();
  });

  it('rejects a new required field, a removed record name and a narrowed type', () => {
    const required = avro.Type.forSchema({
      type: 'record',
      name: 'Thing',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'qty', type: 'int' },
      ],
    });
    const renamed = avro.Type.forSchema({ type: 'record', name: 'Other', fields: [{ name: 'id', type: 'string' }] });
    const longId = avro.Type.forSchema({ type: 'record', name: 'N', fields: [{ name: 'n', type: 'long' }] });
    const intId = avro.Type.forSchema({ type: 'record', name: 'N', fields: [{ name: 'n', type: 'int' }] });
    expect(backwardIncompatibility(required, v1)).toMatch(/qty/);
    expect(backwardIncompatibility(renamed, v1)).not.toBeNull();
    expect(backwardIncompatibility(intId, longId)).not.toBeNull();
  });
});
