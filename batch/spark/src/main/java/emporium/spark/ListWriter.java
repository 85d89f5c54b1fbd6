// One executor's writes of shoppers' lists and similar items into a version of the recommendations
// store: prepared statements run asynchronously, a bounded number in flight; each batch's keys
// (recs_version_keys, which dropping a version reads) are written before its rows, as the TypeScript
// store does, so a run that dies leaves keys to missing rows, never rows no key names.
package emporium.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

final class ListWriter implements AutoCloseable {
  /** Writes in flight at once, as the TypeScript store's CONCURRENCY. */
  private static final int IN_FLIGHT = 64;

  private final CqlSession cql;
  private final String version;
  private final PreparedStatement key, general, byCategory, similar;
  private final Semaphore permits = new Semaphore(IN_FLIGHT);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<BoundStatement> keys = new ArrayList<>();
  private final List<BoundStatement> rows = new ArrayList<>();

  ListWriter(Cassandra where, String version) {
    this.cql = where.open();
    this.version = version;
    String ks = where.keyspace();
    key = cql.prepare("INSERT INTO " + ks + ".recs_version_keys (version, kind, key) VALUES (?, ?, ?)");
    general = cql.prepare("INSERT INTO " + ks + ".recs_general_by_shopper (version, user_id, items) VALUES (?, ?, ?)");
    byCategory =
        cql.prepare(
            "INSERT INTO " + ks + ".recs_by_shopper_category (version, user_id, category, items) VALUES (?, ?, ?, ?)");
    similar = cql.prepare("INSERT INTO " + ks + ".recs_similar_by_item (version, item_id, items) VALUES (?, ?, ?)");
  }

  void shopper(String userId, String generalList, String[] categories, String[] lists) {
    keys.add(key.bind(version, "shopper", userId));
    rows.add(general.bind(version, userId, generalList));
    for (int c = 0; c < categories.length; c++)
      if (lists[c] != null) rows.add(byCategory.bind(version, userId, categories[c], lists[c]));
  }

  void similar(String itemId, String list) {
    keys.add(key.bind(version, "item", itemId));
    rows.add(similar.bind(version, itemId, list));
  }

  /** Writes what was added since the last flush: the keys, then the rows. */
  void flush() throws InterruptedException {
    run(keys);
    run(rows);
  }

  private void run(List<BoundStatement> statements) throws InterruptedException {
    for (BoundStatement s : statements) {
      permits.acquire();
      cql.executeAsync(s)
          .whenComplete(
              (r, error) -> {
                if (error != null) failure.compareAndSet(null, error);
                permits.release();
              });
    }
    statements.clear();
    permits.acquire(IN_FLIGHT);
    permits.release(IN_FLIGHT);
    Throwable error = failure.get();
    if (error != null) throw new IllegalStateException("writing recommendations failed", error);
  }

  @Override
  public void close() {
    cql.close();
  }
}
