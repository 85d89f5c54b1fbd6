// A member's report as the ReportSnapshot record the shop's report view reads off the reports topic
// (schemas/reports/report-snapshot.avsc), built as stream/reports/report-builder.ts builds it: per
// window, the ranked lists overall and per category (exact top N, ties by key), revenue per category,
// and the late and dropped counts of the window's panes.
package emporium.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

final class ReportSnapshots {
  private ReportSnapshots() {}

  /** The lists every window carries overall, in this order, even empty (ITEM_METRICS, then searched). */
  static final List<String> RANKED = List.of("bought", "wishlisted", "carted", "viewed", "searched");

  record Ranked(String key, long count) {}

  /** Larger count first, then the smaller key (UTF-16 order, as JavaScript compares strings). */
  static final Comparator<Ranked> RANK =
      Comparator.comparingLong((Ranked r) -> -r.count()).thenComparing(Ranked::key);

  /** The snapshot in the Confluent wire format: magic byte 0, the schema's registry id, the Avro body. */
  static byte[] encode(GenericRecord snapshot, int schemaId) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(snapshot.getSchema()).write(snapshot, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  static GenericRecord snapshot(
      Schema schema, ReportState state, String memberId, List<Integer> partitions, int partitionCount, int listLength, long now) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("eventId", UUID.randomUUID().toString());
    r.put("occurredAt", now);
    r.put("memberId", memberId);
    r.put("sequence", state.sequence);
    r.put("partitions", partitions);
    r.put("partitionCount", partitionCount);
    r.put("watermark", state.watermark());
    Schema windowSchema = schema.getField("windows").schema().getElementType();
    List<GenericRecord> windows = new ArrayList<>();
    if (state.end != null)
      for (int minutes : state.windowsMinutes) windows.add(window(windowSchema, state, minutes, state.end, listLength));
    r.put("windows", windows);
    GenericRecord totals = new GenericData.Record(schema.getField("totals").schema());
    totals.put("counted", state.counted);
    totals.put("late", state.lateTotal);
    totals.put("dropped", state.droppedTotal);
    totals.put("duplicates", state.duplicates);
    r.put("totals", totals);
    return r;
  }

  private static GenericRecord window(Schema schema, ReportState state, int minutes, long end, int listLength) {
    long start = end - minutes;
    Map<ReportState.Key, Long> sums = new HashMap<>();
    long late = 0, dropped = 0;
    for (ReportState.Pane pane : state.allPanes()) {
      if (pane.minute < start || pane.minute >= end) continue;
      late += pane.late;
      dropped += pane.dropped;
      pane.counts.forEach((key, amount) -> sums.merge(key, amount, Long::sum));
    }
    // Overall per (metric, key), summed over its categories; per (metric, category) list; revenue rows.
    Map<String, Map<String, Long>> overall = new HashMap<>();
    TreeMap<String, List<Ranked>> byCategory = new TreeMap<>();
    Map<String, long[]> revenue = new HashMap<>();
    for (Map.Entry<ReportState.Key, Long> e : sums.entrySet()) {
      ReportState.Key k = e.getKey();
      long total = e.getValue();
      if (total == 0) continue;
      if (k.metric().equals("revenue") || k.metric().equals("orders")) {
        long[] row = revenue.computeIfAbsent(k.key(), c -> new long[2]);
        row[k.metric().equals("revenue") ? 0 : 1] += total;
        continue;
      }
      overall.computeIfAbsent(k.metric(), m -> new HashMap<>()).merge(k.key(), total, Long::sum);
      if (k.category() != null && total > 0)
        byCategory.computeIfAbsent(k.metric() + "\u0000" + k.category(), g -> new ArrayList<>()).add(new Ranked(k.key(), total));
    }
    Schema listSchema = schema.getField("lists").schema().getElementType();
    Schema entrySchema = listSchema.getField("entries").schema().getElementType();
    List<GenericRecord> lists = new ArrayList<>();
    for (String metric : RANKED) {
      List<Ranked> entries = new ArrayList<>();
      overall.getOrDefault(metric, Map.of()).forEach((key, count) -> {
        if (count > 0) entries.add(new Ranked(key, count));
      });
      lists.add(list(listSchema, entrySchema, metric, null, entries, listLength));
    }
    for (Map.Entry<String, List<Ranked>> group : byCategory.entrySet()) {
      String[] name = group.getKey().split("\u0000", 2);
      lists.add(list(listSchema, entrySchema, name[0], name[1], group.getValue(), listLength));
    }
    Schema revenueSchema = schema.getField("revenue").schema().getElementType();
    List<GenericRecord> rows = new ArrayList<>();
    revenue.entrySet().stream()
        .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          GenericRecord row = new GenericData.Record(revenueSchema);
          row.put("category", e.getKey());
          row.put("revenueMinor", e.getValue()[0]);
          row.put("orders", e.getValue()[1]);
          rows.add(row);
        });
    GenericRecord w = new GenericData.Record(schema);
    w.put("minutes", minutes);
    w.put("start", start * ReportState.PANE_MS);
    w.put("end", end * ReportState.PANE_MS);
    w.put("late", late);
    w.put("dropped", dropped);
    w.put("lists", lists);
    w.put("revenue", rows);
    return w;
  }

  private static GenericRecord list(
      Schema listSchema, Schema entrySchema, String metric, String category, List<Ranked> entries, int listLength) {
    entries.sort(RANK);
    List<GenericRecord> kept = new ArrayList<>();
    for (Ranked r : entries.subList(0, Math.min(listLength, entries.size()))) {
      GenericRecord entry = new GenericData.Record(entrySchema);
      entry.put("key", r.key());
      entry.put("count", r.count());
      kept.add(entry);
    }
    GenericRecord list = new GenericData.Record(listSchema);
    list.put("metric", metric);
    list.put("category", category);
    list.put("entries", kept);
    return list;
  }
}
