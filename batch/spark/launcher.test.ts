// The launcher's job options: defaulted from the shop's resolved config, the command line's own winning.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { withDefaults } from './launcher.ts';

const config = loadConfig({
  EMPORIUM_NAMESPACE: 'ci_7',
  EMPORIUM_DATA_DIR: '/srv/shop',
  EMPORIUM_KAFKA_BROKERS: 'k1:9092,k2:9092',
  EMPORIUM_SCHEMA_REGISTRY_URL: 'http://r:8081/apis/ccompat/v7',
  EMPORIUM_CASSANDRA_URL: 'cassandra://c:9042/emporium?dc=dc2',
});
const options = (words: string[]): Record<string, string> =>
  Object.fromEntries(Array.from({ length: words.length / 2 }, (_, i) => [words[2 * i]!, words[2 * i + 1]!]));

describe('the Spark launcher', () => {
  it("points the jobs at the shop's own lake, topics and keyspace, under its namespace", () => {
    expect(options(withDefaults('als', [], config))).toEqual({
      '--lake': '/srv/shop/lake',
      '--cassandra': 'c:9042',
      '--dc': 'dc2',
      '--keyspace': 'ci_7_emporium',
    });
    const lake = options(withDefaults('lake', [], config));
    expect(lake).toMatchObject({
      '--bootstrap': 'k1:9092,k2:9092',
      '--prefix': 'ci_7.',
      '--registry': 'http://r:8081/apis/ccompat/v7',
      '--checkpoints': '/srv/shop/spark/checkpoints/lake',
    });
    expect(lake['--topics']!.split(',')).toContain('orders');
  });

  it('lets an option given on the command line win over the configured one', () => {
    const als = options(withDefaults('als', ['--lake', '/elsewhere', '--factors', '16'], config));
    expect(als).toMatchObject({ '--lake': '/elsewhere', '--factors': '16', '--keyspace': 'ci_7_emporium' });
    expect(withDefaults('als', ['--lake', '/elsewhere'], config).filter((w) => w === '--lake')).toHaveLength(1);
  });
});
