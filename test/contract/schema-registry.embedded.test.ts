// Runs the schema registry contract against the embedded registry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { schemaRegistryContract } from './schema-registry.contract.ts';

schemaRegistryContract('embedded', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-registry-')), 'registry.json');
  let n = 0;
  return {
    async open() {
      const registry = new EmbeddedSchemaRegistry({ file });
      await registry.start();
      return registry;
    },
    unique: (name) => `${name}-${++n}`,
  };
});
