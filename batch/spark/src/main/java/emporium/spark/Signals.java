// The lake's events turned into weighted signals of intent, as batch/recommendations/signals.ts does:
// an order line counts most, then a cart add, a wishlist add and a view; a search counts for each item
// the shopper viewed within the window after it, once per (search, item). Each event counts once
// (redeliveries and compaction's not-yet-deleted inputs are dropped by event id).
package emporium.spark;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

final class Signals {
  /** The weights of signals.ts's DEFAULT_SIGNAL_WEIGHTS. */
  record Weights(double order, double cart, double wishlist, double view, double search, long searchWindowMs) {
    static Weights from(Args a) {
      return new Weights(
          a.number("order-weight", 10),
          a.number("cart-weight", 4),
          a.number("wishlist-weight", 3),
          a.number("view-weight", 1),
          a.number("search-weight", 2),
          (long) a.number("search-window-minutes", 10) * 60_000);
    }
  }

  private Signals() {}

  /** One topic's rows, or null when the lake has none of it yet. */
  static Dataset<Row> topic(SparkSession spark, String lake, String topic) {
    // A Spark-written lake keeps a _spark_metadata log per topic, which this read honours (files of a
    // failed batch are left out); the embedded writer's folders have none and every file is read.
    try {
      return spark.read().parquet(lake + "/topic=" + topic).dropDuplicates("event_id");
    } catch (Exception e) {
      if (e instanceof AnalysisException && e.getMessage().contains("PATH_NOT_FOUND")) return null;
      throw e;
    }
  }

  /** Columns userId, itemId, weight, time (ms since the epoch), category (null where none is named). */
  static Dataset<Row> read(SparkSession spark, String lake, Weights w) {
    List<Dataset<Row>> parts = new ArrayList<>();
    Column ms = expr("unix_millis(event_time)");
    Dataset<Row> orders = topic(spark, lake, "orders");
    if (orders != null)
      parts.add(
          orders
              .where(col("event_type").equalTo("OrderPlaced"))
              .select(col("userId"), explode(col("lines")).as("line"), ms.as("time"))
              .select(
                  col("userId"),
                  col("line.itemId").as("itemId"),
                  lit(w.order()).as("weight"),
                  col("time"),
                  col("line.category").as("category")));
    parts.add(simple(topic(spark, lake, "cart"), "CartItemAdded", w.cart()));
    parts.add(simple(topic(spark, lake, "wishlist"), "WishlistItemAdded", w.wishlist()));
    Dataset<Row> views = simple(topic(spark, lake, "product.viewed"), "ProductViewed", w.view());
    parts.add(views);
    Dataset<Row> searches = topic(spark, lake, "search.performed");
    if (views != null && searches != null) parts.add(searchCredits(views, searches, w));
    return parts.stream().filter(p -> p != null).reduce(Dataset::unionByName).orElse(null);
  }

  private static Dataset<Row> simple(Dataset<Row> rows, String type, double weight) {
    if (rows == null) return null;
    return rows.where(col("event_type").equalTo(type).and(col("userId").isNotNull()))
        .select(
            col("userId"),
            col("itemId"),
            lit(weight).as("weight"),
            expr("unix_millis(event_time)").as("time"),
            col("category"));
  }

  /**
   * Each view credited to the shopper's latest search at or before it, if within the window: one pass
   * over each shopper's searches and views in time order (a search sorts before a view at the same
   * instant), rather than a join of every search with every view.
   */
  private static Dataset<Row> searchCredits(Dataset<Row> views, Dataset<Row> searches, Weights w) {
    Dataset<Row> s =
        searches
            .where(col("userId").isNotNull())
            .select(
                col("userId"),
                lit(null).cast("string").as("itemId"),
                expr("unix_millis(event_time)").as("time"),
                lit(null).cast("string").as("category"),
                lit(0).as("kind"));
    Dataset<Row> v = views.select(col("userId"), col("itemId"), col("time"), col("category"), lit(1).as("kind"));
    WindowSpec upTo =
        Window.partitionBy("userId")
            .orderBy(col("time"), col("kind"))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return s.unionByName(v)
        .withColumn("search", last(when(col("kind").equalTo(0), col("time")), true).over(upTo))
        .where(col("kind").equalTo(1).and(col("search").isNotNull()))
        .where(col("time").minus(col("search")).leq(w.searchWindowMs()))
        .groupBy("userId", "search", "itemId")
        .agg(first("category").as("category"))
        .select(
            col("userId"), col("itemId"), lit(w.search()).as("weight"), col("search").as("time"), col("category"));
  }
}
