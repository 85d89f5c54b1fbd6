// Whether search has caught up with the catalog, for /ready: a shop that answers searches with part of its
// catalog missing is not ready, though every store answers.

/**
 * True once the catalog holds at least the items seeded at this start and the index holds at least as
 * many items as the catalog, and from then on: lag later under a burst of writes is normal running, not a
 * reason to take the shop out of a load balancer. (An index holding items the catalog has not, such as a
 * shared Elasticsearch index, can make it true early; it never keeps it false.)
 */
export function searchCaughtUp(deps: {
  catalogCount: () => Promise<number>;
  indexCount: () => Promise<number>;
  /** Items the demo seed published at this start (0 when it did not seed): the catalog applies them as it consumes. */
  seeded: () => number;
}): () => Promise<boolean> {
  let caughtUp = false;
  return async () => {
    if (caughtUp) return true;
    const catalog = await deps.catalogCount();
    if (catalog < deps.seeded()) return false;
    caughtUp = (await deps.indexCount()) >= catalog;
    return caughtUp;
  };
}
