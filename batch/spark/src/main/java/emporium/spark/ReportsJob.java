// The live reports job (Structured Streaming): the re-keyed facts (reports.facts, written by the shop's
// re-key stage, stream/reports/rekey-stage.ts) counted by members in Spark's state store, each member
// the facts partitions p with p % members == its index, as the embedded shared members own them. Every
// micro-batch a member's new facts are counted in offset order per partition (ReportState) and its
// snapshot goes to the reports topic in the shop's ReportSnapshot record, where the shop's report view
// merges the members' snapshots as it merges the embedded ones. The state and the offsets it covers
// are one Spark checkpoint, so a restart neither loses nor counts again a fact.
package emporium.spark;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import scala.Tuple2;

final class ReportsJob {
  private ReportsJob() {}

  static void run(SparkSession spark, Args a) throws Exception {
    long started = System.currentTimeMillis();
    String prefix = a.string("prefix", "");
    Registry registry = new Registry(a.string("registry"));
    List<Registry.Version> facts = registry.versionsOf(prefix + "reports.facts");
    Registry.Version snapshot =
        registry.versionsOf(prefix + "reports").stream()
            .filter(v -> v.recordName().equals("ReportSnapshot"))
            .max(Comparator.comparingInt(Registry.Version::id))
            .orElseThrow(() -> new IllegalStateException("the registry has no ReportSnapshot schema: start the shop once"));
    if (facts.isEmpty()) throw new IllegalStateException("the registry has no ReportFact schema: start the shop once");
    String[] windows = a.string("windows", "5,30,60").split(",");
    Count count =
        new Count(
            snapshot.schema(),
            snapshot.id(),
            a.integer("lateness-ms", 30_000),
            Arrays.stream(windows).mapToInt(Integer::parseInt).toArray(),
            a.integer("list-length", 20),
            a.integer("members", 2),
            a.integer("partitions", 6));
    String every = a.string("trigger", "available-now");
    Dataset<Row> messages =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", a.string("bootstrap"))
            .option("subscribe", prefix + "reports.facts")
            .option("startingOffsets", "earliest")
            .option("failOnDataLoss", "true")
            .option("groupIdPrefix", prefix + "spark-reports")
            .option("maxOffsetsPerTrigger", a.string("max-offsets-per-trigger", "1000000"))
            .load();
    Dataset<Row> decoded = LakeJob.rows(messages, facts).withColumn("time", expr("unix_millis(event_time)"));
    // Facts written before the stage judged (schema v1) have no judgement: the members judge them alone.
    if (!Arrays.asList(decoded.columns()).contains("judged")) decoded = decoded.withColumn("judged", lit(null).cast("string"));
    Dataset<Row> rows =
        decoded.select(
            "kafka_partition", "kafka_offset", "event_id", "time", "origin", "kind", "metric", "key", "category", "amount", "orderId", "refund", "lines", "revenue", "judged");
    int members = count.members;
    StreamingQuery query =
        rows.groupByKey((MapFunction<Row, Integer>) r -> r.getInt(0) % members, Encoders.INT())
            .flatMapGroupsWithState(
                count,
                OutputMode.Update(),
                Encoders.javaSerialization(ReportState.class),
                Encoders.tuple(Encoders.STRING(), Encoders.BINARY()),
                GroupStateTimeout.NoTimeout())
            .toDF("key", "value")
            .writeStream()
            .queryName("reports")
            .format("kafka")
            .option("kafka.bootstrap.servers", a.string("bootstrap"))
            .option("topic", prefix + "reports")
            .option("checkpointLocation", a.string("checkpoints"))
            .outputMode(OutputMode.Update())
            .trigger(every.equals("available-now") ? Trigger.AvailableNow() : Trigger.ProcessingTime(every))
            .start();
    query.awaitTermination();
    System.out.printf("{\"job\":\"reports\",\"members\":%d,\"ms\":%d}%n", members, System.currentTimeMillis() - started);
  }

  /** One member's micro-batch: its new facts counted in order, then its snapshot as a reports message. */
  static final class Count implements FlatMapGroupsWithStateFunction<Integer, Row, ReportState, Tuple2<String, byte[]>> {
    private final String schemaText;
    private final int schemaId;
    private final long latenessMs;
    private final int[] windowsMinutes;
    private final int listLength;
    final int members;
    private final int partitions;
    private transient Schema schema;

    Count(String schemaText, int schemaId, long latenessMs, int[] windowsMinutes, int listLength, int members, int partitions) {
      this.schemaText = schemaText;
      this.schemaId = schemaId;
      this.latenessMs = latenessMs;
      this.windowsMinutes = windowsMinutes;
      this.listLength = listLength;
      this.members = members;
      this.partitions = partitions;
    }

    @Override
    public Iterator<Tuple2<String, byte[]>> call(Integer member, Iterator<Row> input, GroupState<ReportState> state)
        throws Exception {
      ReportState s = state.exists() ? state.get() : new ReportState(latenessMs, windowsMinutes);
      List<Row> batch = new ArrayList<>();
      input.forEachRemaining(batch::add);
      // The shuffle keeps no order: each facts partition is read back in its log's order.
      batch.sort(Comparator.comparingInt((Row r) -> r.getInt(0)).thenComparingLong(r -> r.getLong(1)));
      for (Row r : batch) s.add(r.getInt(0) + "|" + r.getString(4), fact(r));
      s.sequence++;
      state.update(s);
      if (schema == null) schema = new Schema.Parser().parse(schemaText);
      List<Integer> owned = new ArrayList<>();
      for (int p = member; p < partitions; p += members) owned.add(p);
      String memberId = "spark-reports-" + member + "-of-" + members;
      byte[] value =
          ReportSnapshots.encode(
              ReportSnapshots.snapshot(schema, s, memberId, owned, partitions, listLength, System.currentTimeMillis()),
              schemaId);
      return List.of(new Tuple2<>(memberId, value)).iterator();
    }

    private static ReportState.Fact fact(Row r) {
      List<ReportState.Line> lines = new ArrayList<>();
      for (Row l : r.<Row>getList(12))
        lines.add(new ReportState.Line(l.getString(0), l.getString(1), l.getInt(2), l.getLong(3)));
      List<ReportState.Share> revenue = new ArrayList<>();
      for (Row v : r.<Row>getList(13)) revenue.add(new ReportState.Share(v.getString(0), v.getLong(1)));
      return new ReportState.Fact(
          r.getString(2),
          r.getLong(3),
          r.getString(5),
          r.getString(6),
          r.getString(7),
          r.getString(8),
          r.getLong(9),
          r.getString(10),
          r.getBoolean(11),
          lines,
          revenue,
          r.getString(14));
    }
  }
}
