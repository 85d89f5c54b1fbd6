// A namespace of its own for one real suite: its config and environment, and drop() removing everything
// made under it on every server, so a run of the real suites leaves the shop's names as it found them.
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../platform/config.ts';
import { openServers } from './servers.ts';
import { waitFor } from './wait-for.ts';

export interface TestNamespace {
  name: string;
  /** The EMPORIUM_* variables of this process (the real servers' URLs) with EMPORIUM_NAMESPACE set. */
  env: Record<string, string>;
  config: Config;
  /** What is still on the servers under the namespace. */
  leftovers(): Promise<string[]>;
  /** Removes every topic, group, subject, database, index, keyspace and key under the namespace. */
  drop(): Promise<void>;
}

/** The servers' URLs as this process has them (from infra/local/env.sh), without a namespace. */
export function realEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name, value]) =>
        name.startsWith('EMPORIUM_') && name !== 'EMPORIUM_DATA_DIR' && name !== 'EMPORIUM_NAMESPACE' && value,
    ),
  ) as Record<string, string>;
}

/** A new namespace, unique to this run: `t_<label>_<8 hex>`. */
export function testNamespace(label: string): TestNamespace {
  const name = `t_${label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 12)}_${randomUUID().slice(0, 8)}`;
  const env = { ...realEnv(), EMPORIUM_NAMESPACE: name };
  const config = loadConfig(env);
  const leftovers = async () => {
    const servers = await openServers(config);
    try {
      return await servers.underNamespace(name);
    } finally {
      await servers.close();
    }
  };
  return {
    name,
    env,
    config,
    leftovers,
    async drop() {
      const servers = await openServers(config);
      try {
        // Kafka deletes topics asynchronously and keeps a group until its last member has left: look again until nothing is left.
        let found: string[] = [];
        let failure: unknown;
        await waitFor(
          `nothing left under namespace ${name}`,
          async () => {
            found = await servers.underNamespace(name);
            if (found.length) await servers.remove(found).catch((error: unknown) => void (failure = error));
            return found.length === 0;
          },
          60_000,
        ).catch((error: Error) => {
          throw new Error(`${error.message}; still there: ${found.join(', ')}`, { cause: failure });
        });
      } finally {
        await servers.close();
      }
    },
  };
}
