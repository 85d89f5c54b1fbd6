// Runs the schema registry contract against the server named by EMPORIUM_SCHEMA_REGISTRY_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { ConfluentSchemaRegistry } from '../../platform/registry/confluent-schema-registry.ts';
import { testNamespace } from '../support/namespace.ts';
import { schemaRegistryContract } from './schema-registry.contract.ts';

const ns = testNamespace('registry');
afterAll(() => ns.drop());
const { registry } = ns.config;
if (registry.kind !== 'real') throw new Error('EMPORIUM_SCHEMA_REGISTRY_URL must name the registry for the real suite');

schemaRegistryContract('confluent-compatible', () => {
  const run = randomUUID().slice(0, 8);
  return {
    async open() {
      const client = new ConfluentSchemaRegistry(registry);
      await client.start();
      return client;
    },
    unique: (name) => `${name}-${run}`,
  };
});
