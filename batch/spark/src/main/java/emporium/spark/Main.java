// The one entry point: runs the named jobs one after another in one Spark session, so a caller (the
// real tests) pays for one JVM and one SparkContext start however many jobs it runs.
//   Main [--master URL] JOB --opt value ... [+ JOB --opt value ...]
package emporium.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

public final class Main {
  interface Job {
    void run(SparkSession spark, Args args) throws Exception;
  }

  private static Job job(String name) {
    switch (name) {
      case "als":
        return AlsJob::run;
      case "als-bench":
        return AlsBench::run;
      case "lake":
        return LakeJob::run;
      case "reports":
        return ReportsJob::run;
      default:
        throw new IllegalArgumentException("unknown job " + name + " (als, als-bench, lake, reports)");
    }
  }

  public static void main(String[] argv) throws Exception {
    List<String> words = new ArrayList<>(Arrays.asList(argv));
    String master = "local[*]";
    if (words.size() >= 2 && words.get(0).equals("--master")) {
      master = words.get(1);
      words = words.subList(2, words.size());
    }
    List<List<String>> runs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String w : words) {
      if (w.equals("+")) {
        runs.add(current);
        current = new ArrayList<>();
      } else current.add(w);
    }
    runs.add(current);
    for (List<String> run : runs)
      if (run.isEmpty()) throw new IllegalArgumentException("usage: [--master URL] JOB --opt value ... [+ JOB ...]");
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("emporium " + String.join(" ", runs.stream().map(r -> r.get(0)).toList()))
            // Event dates are UTC dates, as the embedded lake writer names its folders.
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false");
    // Spark's default of 200 shuffle partitions is far too many for a shop's day of events on a few
    // cores; -Dspark.sql.shuffle.partitions (the launcher's `conf`) says otherwise.
    if (System.getProperty("spark.sql.shuffle.partitions") == null) builder.config("spark.sql.shuffle.partitions", "8");
    // spark-submit sets the master itself; the launcher passes it here.
    if (System.getProperty("spark.master") == null) builder.master(master);
    SparkSession spark = builder.getOrCreate();
    try {
      for (List<String> run : runs) job(run.get(0)).run(spark, new Args(run.get(0), run.subList(1, run.size())));
    } finally {
      spark.stop();
    }
  }
}
