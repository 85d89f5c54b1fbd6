// The bench's Spark side (bench/als-spark.ts): MLlib implicit ALS on the bench's training triples, fitted
// once to warm up, then timed with one iteration and with all of them, so the difference gives the time
// of an iteration alone; the factors go back as little-endian float32 files,
// rows × rank, for the bench to rank and judge with the same code as ours.
package emporium.spark;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

final class AlsBench {
  private AlsBench() {}

  static void run(SparkSession spark, Args a) throws IOException {
    int iterations = a.integer("iterations", 5), rank = a.integer("factors", 64);
    Dataset<Row> ratings = spark.read().schema("u INT, i INT, w FLOAT").csv(a.string("ratings")).cache();
    long count = ratings.count();
    ALS als =
        new ALS()
            .setImplicitPrefs(true)
            .setRank(rank)
            .setRegParam(a.number("regularization", 0.01))
            .setAlpha(a.number("alpha", 10))
            .setSeed(a.integer("seed", 42))
            .setUserCol("u")
            .setItemCol("i")
            .setRatingCol("w");
    // A first fit, untimed, warms the JIT and Spark's code generation up; then one iteration and all.
    als.setMaxIter(1).fit(ratings).userFactors().count();
    long t0 = System.nanoTime();
    als.setMaxIter(1).fit(ratings).userFactors().count();
    long t1 = System.nanoTime();
    ALSModel model = als.setMaxIter(iterations).fit(ratings);
    model.userFactors().count(); // the fit is lazy in part: make it finish before the clock stops
    long t2 = System.nanoTime();
    String out = a.string("out");
    write(model.userFactors(), a.integer("users", 0), rank, out + "/users.f32");
    write(model.itemFactors(), a.integer("items", 0), rank, out + "/items.f32");
    System.out.printf(
        "{\"job\":\"als-bench\",\"ratings\":%d,\"iterations\":%d,\"oneIterationFitMs\":%d,\"fitMs\":%d}%n",
        count, iterations, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
  }

  /** Rows × rank floats, row r at r × rank (rows the model never saw stay zero). */
  private static void write(Dataset<Row> factors, int rows, int rank, String file) throws IOException {
    List<Row> all = factors.collectAsList();
    int n = rows;
    for (Row r : all) n = Math.max(n, r.getInt(0) + 1);
    ByteBuffer buffer = ByteBuffer.allocate(n * rank * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (Row r : all) {
      List<Float> f = r.getList(1);
      for (int x = 0; x < rank; x++) buffer.putFloat((r.getInt(0) * rank + x) * 4, f.get(x));
    }
    try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(file)))) {
      o.write(buffer.array());
    }
  }
}
