// The schema registry contract: embedded and Confluent-compatible registries must behave alike.
import { afterEach, describe, expect, it } from 'vitest';
import type { SchemaRegistry } from '../../platform/registry/schema-registry.ts';

export interface RegistryHarness {
  /** Opens a client on the same storage or server; a restart is close() then open(). */
  open(): Promise<SchemaRegistry>;
  unique(name: string): string;
}

const record = (name: string, fields: object[]) =>
  JSON.stringify({ type: 'record', name, namespace: 'emporium.test', fields });
const v1 = (name: string) =>
  record(name, [
    { name: 'id', type: 'string' },
    { name: 'qty', type: 'int' },
  ]);
const v2 = (name: string) =>
  record(name, [
    { name: 'id', type: 'string' },
    { name: 'qty', type: 'int' },
    { name: 'note', type: 'string', default: '' },
  ]);
const breaking = (name: string) =>
  record(name, [
    { name: 'id', type: 'string' },
    { name: 'qty', type: 'int' },
    { name: 'price', type: 'long' },
  ]);

export function schemaRegistryContract(adapter: string, makeHarness: () => RegistryHarness): void {
  describe(`schema registry contract: ${adapter}`, () => {
    const h = makeHarness();
    const opened: SchemaRegistry[] = [];
    afterEach(async () => {
      for (const r of opened.splice(0)) await r.close();
    });
    const open = async () => {
      const registry = await h.open();
      opened.push(registry);
      return registry;
    };

    it('gives the same id to the same schema and a new id to a compatible new version', async () => {
      const registry = await open();
      const subject = h.unique('things-value');
      const name = h.unique('Thing').replaceAll('-', '_');
      const first = await registry.register(subject, v1(name));
      expect(await registry.register(subject, v1(name))).toBe(first);
      const second = await registry.register(subject, v2(name));
      expect(second).not.toBe(first);
    });

    it('rejects a version that readers of the new schema could not read old data with', async () => {
      const registry = await open();
      const subject = h.unique('things-value');
      const name = h.unique('Thing').replaceAll('-', '_');
      await registry.register(subject, v1(name));
      await expect(registry.register(subject, breaking(name))).rejects.toThrow();
    });

    it('round-trips a value through the Confluent wire format', async () => {
      const registry = await open();
      const name = h.unique('Thing').replaceAll('-', '_');
      const id = await registry.register(h.unique('things-value'), v1(name));
      const message = await registry.encode(id, { id: 'a', qty: 3 });
      expect(message[0]).toBe(0);
      expect(message.readUInt32BE(1)).toBe(id);
      const decoded = await registry.decode(message);
      expect(decoded.schemaId).toBe(id);
      expect({ ...(decoded.value as object) }).toEqual({ id: 'a', qty: 3 });
      // Once a message of the id was decoded, the next decodes without waiting, to the same value.
      const known = registry.decodeKnown(await registry.encode(id, { id: 'b', qty: 4 }));
      expect(known?.schemaId).toBe(id);
      expect({ ...(known?.value as object) }).toEqual({ id: 'b', qty: 4 });
    });

    it('refuses a value that does not fit the schema, and bytes that are not in the wire format', async () => {
      const registry = await open();
      const id = await registry.register(h.unique('things-value'), v1(h.unique('Thing').replaceAll('-', '_')));
      await expect(registry.encode(id, { id: 'a', qty: 'three' })).rejects.toThrow();
      await expect(registry.decode(Buffer.from([1, 0, 0, 0, 1, 2]))).rejects.toThrow();
    });

    it('keeps ids across a restart', async () => {
      const subject = h.unique('things-value');
      const schema = v1(h.unique('Thing').replaceAll('-', '_'));
      const before = await (await open()).register(subject, schema);
      const after = await open();
      expect(await after.register(subject, schema)).toBe(before);
      const message = await after.encode(before, { id: 'b', qty: 1 });
      expect((await after.decode(message)).schemaId).toBe(before);
    });
  });
}
