// Runs the schema registry contract against the server named by EMPORIUM_SCHEMA_REGISTRY_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../platform/config.ts';
import { ConfluentSchemaRegistry } from '../../platform/registry/confluent-schema-registry.ts';
import { schemaRegistryContract } from './schema-registry.contract.ts';

const config = loadConfig();
if (config.registry.kind !== 'real') throw new Error('EMPORIUM_SCHEMA_REGISTRY_URL must name the registry for the real suite');
const { url } = config.registry;

schemaRegistryContract('confluent-compatible', () => {
  const run = randomUUID().slice(0, 8);
  return {
    async open() {
      const registry = new ConfluentSchemaRegistry({ url });
      await registry.start();
      return registry;
    },
    unique: (name) => `${name}-${run}`,
  };
});
