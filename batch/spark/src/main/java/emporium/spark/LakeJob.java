// The lake job (Structured Streaming): each topic's Avro messages (Confluent wire format: magic byte 0,
// a 4-byte schema id, the Avro body) into Parquet under <lake>/topic=<topic>/date=<UTC event date>/,
// with the embedded writer's columns (stream/lake/columns.ts): event_id, event_time, event_type,
// kafka_partition, kafka_offset, then the union of the topic's record fields. One query per topic, each
// a file sink with its own checkpoint, so each message lands exactly once: the sink's _spark_metadata
// log names the files of committed batches, and a restart resumes from the checkpoint's offsets.
package emporium.spark;

import static org.apache.spark.sql.avro.functions.from_avro;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

final class LakeJob {
  private LakeJob() {}

  static void run(SparkSession spark, Args a) throws Exception {
    long started = System.currentTimeMillis();
    String lake = a.string("lake"), checkpoints = a.string("checkpoints"), prefix = a.string("prefix", "");
    Registry registry = new Registry(a.string("registry"));
    // available-now: what is on the topics now, then stop (tests, scheduled runs); else a processing-time interval.
    String every = a.string("trigger", "available-now");
    Trigger trigger = every.equals("available-now") ? Trigger.AvailableNow() : Trigger.ProcessingTime(every);
    List<StreamingQuery> queries = new ArrayList<>();
    for (String topic : a.string("topics").split(",")) {
      List<Registry.Version> versions = registry.versionsOf(prefix + topic);
      if (versions.isEmpty()) continue; // nothing was ever published to it
      Dataset<Row> messages =
          spark
              .readStream()
              .format("kafka")
              .option("kafka.bootstrap.servers", a.string("bootstrap"))
              .option("subscribe", prefix + topic)
              .option("startingOffsets", "earliest")
              .option("failOnDataLoss", "true")
              // Under the namespace, as every group the shop makes, so a test run's are dropped with it.
              .option("groupIdPrefix", prefix + "spark-lake")
              .option("maxOffsetsPerTrigger", a.string("max-offsets-per-trigger", "1000000"))
              .load();
      queries.add(
          rows(messages, versions)
              .writeStream()
              .queryName("lake " + topic)
              .format("parquet")
              .option("path", lake + "/topic=" + topic)
              .option("checkpointLocation", checkpoints + "/" + topic)
              .partitionBy("date")
              .trigger(trigger)
              .start());
    }
    for (StreamingQuery q : queries) q.awaitTermination();
    System.out.printf(
        "{\"job\":\"lake\",\"topics\":%d,\"ms\":%d}%n", queries.size(), System.currentTimeMillis() - started);
  }

  /**
   * One projection for every schema a topic carries: each message's body is decoded by the schema its
   * id names (the others see null), and each column takes the decoded value of whichever record has
   * that field. A message whose id the registry did not know when the job started fails the batch
   * rather than being dropped, so a restart (which fetches the schemas again) writes it.
   */
  static Dataset<Row> rows(Dataset<Row> messages, List<Registry.Version> versions) {
    Column id = conv(hex(substring(col("value"), 2, 4)), 16, 10).cast("int");
    Dataset<Row> decoded = messages.withColumn("schema_id", id).withColumn("body", expr("substring(value, 6)"));
    Column type = null;
    for (Registry.Version v : versions) {
      decoded = decoded.withColumn("r" + v.id(), from_avro(when(col("schema_id").equalTo(v.id()), col("body")), v.schema()));
      type = (type == null ? when(col("schema_id").equalTo(v.id()), lit(v.recordName())) : type.when(col("schema_id").equalTo(v.id()), lit(v.recordName())));
    }
    type = type.otherwise(raise_error(concat(lit("no schema known for id "), col("schema_id").cast("string"))));
    // Field name → the record columns holding it, in the order fields first appear.
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, DataType> types = new HashMap<>();
    for (Registry.Version v : versions) {
      StructType record = (StructType) decoded.schema().apply("r" + v.id()).dataType();
      for (StructField f : record.fields()) {
        fields.computeIfAbsent(f.name(), k -> new ArrayList<>()).add("r" + v.id() + "." + f.name());
        DataType seen = types.putIfAbsent(f.name(), f.dataType());
        if (seen != null && !seen.sameType(f.dataType()))
          throw new IllegalStateException(v.recordName() + "." + f.name() + " differs in type from another record on its topic");
      }
    }
    List<Column> out = new ArrayList<>();
    out.add(pick(fields.get("eventId")).as("event_id"));
    out.add(pick(fields.get("occurredAt")).as("event_time"));
    out.add(type.as("event_type"));
    out.add(col("partition").as("kafka_partition"));
    out.add(col("offset").as("kafka_offset"));
    for (Map.Entry<String, List<String>> f : fields.entrySet())
      if (!f.getKey().equals("eventId") && !f.getKey().equals("occurredAt")) out.add(pick(f.getValue()).as(f.getKey()));
    Dataset<Row> rows = decoded.select(out.toArray(Column[]::new));
    return rows.withColumn("date", date_format(col("event_time"), "yyyy-MM-dd"));
  }

  private static Column pick(List<String> columns) {
    return columns.size() == 1 ? col(columns.get(0)) : coalesce(columns.stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
