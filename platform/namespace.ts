// Names on shared servers: the shop's own under the empty namespace, a test run's (or a second shop's) under a prefix.
// Each server gets its usual separator, so a namespace's names read as one group in its own tools:
//   Kafka topics, consumer groups and registry subjects  ns.orders
//   SQL databases, Mongo databases, Cassandra keyspaces, Elasticsearch indexes  ns_emporium_orders
//   Redis keys (cache and BullMQ)  ns:emporium:...

/** Lowercase, so it fits every server's rules (Elasticsearch indexes are lowercase, keyspaces are word characters). */
export const NAMESPACE_PATTERN = /^[a-z][a-z0-9_]{0,29}$/;
export const NAMESPACE_RULE = 'must be 1-30 lowercase letters, digits or _, starting with a letter';

export interface Namespace {
  /** '' is the shop's own names, unchanged. */
  readonly name: string;
  /** Kafka topics, consumer groups, registry subjects. */
  readonly dotted: string;
  /** Databases, keyspaces, indexes. */
  readonly underscored: string;
  /** Redis keys. */
  readonly coloned: string;
}

export function namespace(name: string): Namespace {
  if (name !== '' && !NAMESPACE_PATTERN.test(name))
    throw new Error(`namespace ${JSON.stringify(name)} ${NAMESPACE_RULE}`);
  const with_ = (separator: string) => (name ? `${name}${separator}` : '');
  return { name, dotted: with_('.'), underscored: with_('_'), coloned: with_(':') };
}
