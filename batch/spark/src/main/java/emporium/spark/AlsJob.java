// The ALS job: the lake's signals → time-decayed shopper × item weights → MLlib ALS with implicit
// preferences → every shopper's general and per-category top-N (items they already had left out) and
// every item's most similar items, written as a new version of the recommendations store in Cassandra
// and switched to in one step (RecsVersion). Prints a one-line JSON summary.
package emporium.spark;

import static org.apache.spark.sql.functions.*;

import com.datastax.oss.driver.api.core.CqlSession;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.reflect.ClassTag$;

final class AlsJob {
  /** Shoppers or items scored and written per flush. */
  private static final int BATCH = 500;

  private AlsJob() {}

  static void run(SparkSession spark, Args a) throws Exception {
    long started = System.currentTimeMillis();
    Cassandra store = Cassandra.from(a);
    int general = a.integer("general", 50), perCategory = a.integer("per-category", 20), similar = a.integer("similar", 20);
    double halfLifeDays = a.number("half-life-days", 30); // 0: no decay
    Dataset<Row> signals = Signals.read(spark, a.string("lake"), Signals.Weights.from(a));
    if (signals == null || signals.isEmpty()) {
      System.out.println("{\"job\":\"als\",\"version\":null,\"signals\":0}");
      return;
    }
    signals = signals.cache();
    long count = signals.count();
    long newest = signals.agg(max("time")).first().getLong(0);
    // As interactions.ts: a signal's weight halves for every half-life it lies before the newest one.
    Column decay =
        halfLifeDays > 0
            ? pow(lit(2.0), lit(newest).minus(col("time")).cast("double").divide(-halfLifeDays * 86_400_000.0))
            : lit(1.0);
    Dataset<Row> pairs =
        signals.groupBy("userId", "itemId").agg(sum(col("weight").multiply(decay)).cast("float").as("w"));
    Dataset<Row> users = Indexed.ids(spark, pairs.select("userId").distinct(), "userId", "u").cache();
    Dataset<Row> items =
        Indexed.ids(spark, signals.groupBy("itemId").agg(max("category").as("category")), "itemId", "i").cache();
    Dataset<Row> ratings =
        pairs.join(users, "userId").join(items.select("itemId", "i"), "itemId").select("u", "i", "w").cache();

    ALSModel model =
        new ALS()
            .setImplicitPrefs(true)
            .setRank(a.integer("factors", 64))
            .setMaxIter(a.integer("iterations", 15))
            .setRegParam(a.number("regularization", 0.01))
            .setAlpha(a.number("alpha", 10))
            .setSeed(a.integer("seed", 42))
            // MLlib's default of 10 blocks a side suits a cluster; a small run on a few cores wants fewer.
            .setNumBlocks(a.integer("blocks", 10))
            .setUserCol("u")
            .setItemCol("i")
            .setRatingCol("w")
            .fit(ratings);

    ItemTable table = itemTable(model, items);
    Broadcast<ItemTable> shared = spark.sparkContext().broadcast(table, ClassTag$.MODULE$.apply(ItemTable.class));
    Dataset<Row> shoppers =
        model
            .userFactors()
            .withColumnRenamed("id", "u")
            .join(ratings.groupBy("u").agg(collect_list("i").as("seen")), "u")
            .join(users, "u")
            .select("userId", "features", "seen");
    String version = a.string("version", newVersion(started));
    try (CqlSession cql = store.open()) {
      RecsVersion v = RecsVersion.begin(cql, store.keyspace(), version);
      try {
        shoppers.foreachPartition(
            (ForeachPartitionFunction<Row>) rows -> writeShoppers(store, version, shared.value(), rows, general, perCategory));
        spark
            .range(0, table.size(), 1, spark.sparkContext().defaultParallelism())
            .foreachPartition(
                (ForeachPartitionFunction<Long>) ids -> writeSimilar(store, version, shared.value(), ids, similar));
        v.publish(3);
      } catch (Exception e) {
        v.abandon();
        throw e;
      }
    }
    System.out.printf(
        "{\"job\":\"als\",\"version\":\"%s\",\"signals\":%d,\"shoppers\":%d,\"items\":%d,\"interactions\":%d,\"ms\":%d}%n",
        version, count, users.count(), table.size(), ratings.count(), System.currentTimeMillis() - started);
    signals.unpersist();
  }

  /** The model's item factors by index, with ids and category indices, gathered on the driver. */
  private static ItemTable itemTable(ALSModel model, Dataset<Row> items) {
    int k = model.rank();
    List<Row> rows =
        model.itemFactors().join(items, col("id").equalTo(col("i"))).select("i", "itemId", "category", "features").collectAsList();
    int n = (int) items.count();
    String[] ids = new String[n];
    float[] factors = new float[n * k];
    int[] category = new int[n];
    Map<String, Integer> categories = new HashMap<>();
    java.util.Arrays.fill(ids, "");
    java.util.Arrays.fill(category, -1);
    for (Row r : rows) {
      int i = r.getInt(0);
      ids[i] = r.getString(1);
      if (!r.isNullAt(2)) category[i] = categories.computeIfAbsent(r.getString(2), c -> categories.size());
      List<Float> f = r.getList(3);
      for (int x = 0; x < k; x++) factors[i * k + x] = f.get(x);
    }
    String[] names = new String[categories.size()];
    categories.forEach((name, c) -> names[c] = name);
    return ItemTable.of(ids, factors, category, names, k);
  }

  private static void writeShoppers(
      Cassandra store, String version, ItemTable t, Iterator<Row> rows, int n, int perCategory) throws Exception {
    float[] scores = new float[t.size()];
    boolean[] seen = new boolean[t.size()];
    float[] x = new float[t.k()];
    try (ListWriter out = new ListWriter(store, version)) {
      for (int batch = 0; rows.hasNext(); ) {
        Row r = rows.next();
        List<Float> f = r.getList(1);
        for (int a = 0; a < x.length; a++) x[a] = f.get(a);
        List<Integer> had = r.getList(2);
        for (int i : had) seen[i] = true;
        t.score(x, scores);
        Best all = new Best(n);
        Best[] byCategory = new Best[t.categories().length];
        for (int i = 0; i < scores.length; i++) {
          if (seen[i]) continue;
          all.offer(i, scores[i]);
          int c = t.category()[i];
          if (c < 0) continue;
          if (byCategory[c] == null) byCategory[c] = new Best(perCategory);
          byCategory[c].offer(i, scores[i]);
        }
        for (int i : had) seen[i] = false;
        String[] lists = new String[byCategory.length];
        for (int c = 0; c < lists.length; c++)
          if (byCategory[c] != null && byCategory[c].size() > 0) lists[c] = byCategory[c].json(t.ids());
        out.shopper(r.getString(0), all.json(t.ids()), t.categories(), lists);
        if (++batch % BATCH == 0) out.flush();
      }
      out.flush();
    }
  }

  private static void writeSimilar(Cassandra store, String version, ItemTable t, Iterator<Long> ids, int n)
      throws Exception {
    float[] scores = new float[t.size()];
    try (ListWriter out = new ListWriter(store, version)) {
      for (int batch = 0; ids.hasNext(); ) {
        int item = ids.next().intValue();
        t.cosines(item, scores);
        Best best = new Best(n);
        for (int i = 0; i < scores.length; i++) if (i != item) best.offer(i, scores[i]);
        out.similar(t.ids()[item], best.json(t.ids()));
        if (++batch % BATCH == 0) out.flush();
      }
      out.flush();
    }
  }

  /** The model-files.ts version format (an ISO instant without separators, then 6 hex), so versions of both sort by time. */
  static String newVersion(long now) {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    String instant =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(now));
    return instant + "-" + HexFormat.of().formatHex(random);
  }
}
