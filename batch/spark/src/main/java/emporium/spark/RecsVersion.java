// A version of the recommendations store in Cassandra, written by the protocol of
// serving/recommendations/store/cassandra-recommendation-store.ts (the same tables, the same steps):
// begin() claims the version with a lightweight transaction; executors write each batch's keys to
// recs_version_keys before its rows; publish() marks it published, moves recs_current forward by
// compare-and-set and drops stale versions; abandon() drops what was written. Until the pointer moves
// no reader sees any of it, and after, a reader that started on the previous version keeps reading it.
package emporium.spark;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.util.ArrayList;
import java.util.List;

final class RecsVersion {
  /** Kept in step with the TypeScript store's start(), which creates the same tables. */
  private static final String[] TABLES = {
    "recs_general_by_shopper (version text, user_id text, items text, PRIMARY KEY ((version, user_id)))",
    "recs_by_shopper_category (version text, user_id text, category text, items text, PRIMARY KEY ((version, user_id), category))",
    "recs_similar_by_item (version text, item_id text, items text, PRIMARY KEY ((version, item_id)))",
    "recs_version_keys (version text, kind text, key text, PRIMARY KEY ((version), kind, key))",
    "recs_versions (bucket int, version text, published boolean, PRIMARY KEY ((bucket), version)) WITH CLUSTERING ORDER BY (version DESC)",
    "recs_current (name text PRIMARY KEY, version text)",
  };

  private final CqlSession cql;
  private final String ks;
  final String version;

  private RecsVersion(CqlSession cql, String keyspace, String version) {
    this.cql = cql;
    this.ks = keyspace;
    this.version = version;
  }

  /** Creates the keyspace and tables if missing, then claims `version` (refused if it was written before). */
  static RecsVersion begin(CqlSession cql, String keyspace, String version) {
    cql.execute(
        "CREATE KEYSPACE IF NOT EXISTS "
            + keyspace
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    for (String ddl : TABLES) cql.execute("CREATE TABLE IF NOT EXISTS " + keyspace + "." + ddl);
    boolean added =
        cql.execute(
                "INSERT INTO " + keyspace + ".recs_versions (bucket, version, published) VALUES (0, ?, false) IF NOT EXISTS",
                version)
            .wasApplied();
    if (!added) throw new IllegalStateException("version " + version + " was written before");
    return new RecsVersion(cql, keyspace, version);
  }

  /** Makes the version current and keeps the newest `keep` published ones (the TypeScript default, 3). */
  void publish(int keep) {
    cql.execute("UPDATE " + ks + ".recs_versions SET published = true WHERE bucket = 0 AND version = ?", version);
    moveCurrent();
    String current = current(ConsistencyLevel.LOCAL_QUORUM);
    List<String> published = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    for (Row r : cql.execute("SELECT version, published FROM " + ks + ".recs_versions WHERE bucket = 0")) {
      String v = r.getString("version");
      if (r.getBoolean("published")) published.add(v);
      else if (v.compareTo(version) < 0) drop.add(v); // an older run that never published
    }
    for (int i = keep; i < published.size(); i++) if (!published.get(i).equals(current)) drop.add(published.get(i));
    for (String v : drop) drop(v);
  }

  void abandon() {
    drop(version);
  }

  private String current(ConsistencyLevel level) {
    Row row =
        cql.execute(
                SimpleStatement.newInstance("SELECT version FROM " + ks + ".recs_current WHERE name = 'current'")
                    .setConsistencyLevel(level))
            .one();
    return row == null ? null : row.getString("version");
  }

  /** Points readers at this version unless a newer one is already current. */
  private void moveCurrent() {
    String table = ks + ".recs_current";
    if (cql.execute("INSERT INTO " + table + " (name, version) VALUES ('current', ?) IF NOT EXISTS", version)
        .wasApplied()) return;
    for (; ; ) {
      String now = current(ConsistencyLevel.LOCAL_SERIAL);
      if (now != null && now.compareTo(version) >= 0) return;
      if (cql.execute("UPDATE " + table + " SET version = ? WHERE name = 'current' IF version = ?", version, now)
          .wasApplied()) return;
    }
  }

  private void drop(String v) {
    for (Row r : cql.execute("SELECT kind, key FROM " + ks + ".recs_version_keys WHERE version = ?", v)) {
      String key = r.getString("key");
      if ("shopper".equals(r.getString("kind"))) {
        cql.execute("DELETE FROM " + ks + ".recs_general_by_shopper WHERE version = ? AND user_id = ?", v, key);
        cql.execute("DELETE FROM " + ks + ".recs_by_shopper_category WHERE version = ? AND user_id = ?", v, key);
      } else cql.execute("DELETE FROM " + ks + ".recs_similar_by_item WHERE version = ? AND item_id = ?", v, key);
    }
    cql.execute("DELETE FROM " + ks + ".recs_version_keys WHERE version = ?", v);
    cql.execute("DELETE FROM " + ks + ".recs_versions WHERE bucket = 0 AND version = ?", v);
  }
}
