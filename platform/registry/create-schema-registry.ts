// Picks the schema registry the config names: a Confluent-compatible server when its URL is set, else embedded.
import path from 'node:path';
import type { Config } from '../config.ts';
import { ConfluentSchemaRegistry } from './confluent-schema-registry.ts';
import { EmbeddedSchemaRegistry } from './embedded-schema-registry.ts';
import type { SchemaRegistry } from './schema-registry.ts';

export function createSchemaRegistry(config: Config): SchemaRegistry {
  return config.registry.kind === 'real'
    ? new ConfluentSchemaRegistry(config.registry)
    : new EmbeddedSchemaRegistry({ file: path.join(config.dataDir, 'schema-registry.json') });
}
