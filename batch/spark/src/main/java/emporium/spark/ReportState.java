// One reports member's state, as Spark keeps it between micro-batches: the rules of the embedded
// aggregator (stream/reports/aggregator.ts) step for step, so the two count the same facts alike.
// Each input partition has its own clock; a fact more than the lateness behind it is dropped, one
// behind it but within the lateness counted as late; panes per partition per minute hold the counts,
// held orders (to take back on a retraction) and refunds; a part judged by the re-key stage counts in
// the figures by its verdict, once per fact, on its lead part; the windows end at the last whole minute
// before the member's latest clock less the lateness. Window totals are summed from the panes when a
// snapshot is made (ReportSnapshots), so no running totals are kept.
package emporium.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class ReportState implements Serializable {
  private static final long serialVersionUID = 1L;
  static final long PANE_MS = 60_000;

  record Line(String itemId, String category, long quantity, long unitPriceMinor) implements Serializable {}

  record Share(String category, long revenueMinor) implements Serializable {}

  /**
   * A re-keyed fact (schemas/reports/report-fact.avsc): a count, an order placed or an order retracted,
   * with the re-key stage's judgement of its whole fact (null when unjudged, "part" off its lead part).
   */
  record Fact(
      String id,
      long time,
      String kind,
      String metric,
      String key,
      String category,
      long amount,
      String orderId,
      boolean refund,
      List<Line> lines,
      List<Share> revenue,
      String judged)
      implements Serializable {}

  record Held(List<Line> lines, List<Share> revenue) implements Serializable {}

  /** A counted key: metric, category (null for none) and key, as the embedded Keys interns them. */
  record Key(String metric, String category, String key) implements Serializable {}

  static final class Pane implements Serializable {
    private static final long serialVersionUID = 1L;
    final long minute;
    final Map<Key, Long> counts = new HashMap<>();
    long late;
    long dropped;
    final Map<String, Held> held = new HashMap<>();
    final HashSet<String> refunded = new HashSet<>();
    /** Ids counted in the minute, to spot redeliveries; null once the partition's clock is past it. */
    HashSet<String> ids = new HashSet<>();

    Pane(long minute) {
      this.minute = minute;
    }
  }

  static final class Source implements Serializable {
    private static final long serialVersionUID = 1L;
    long maxTime = Long.MIN_VALUE;
    long forgotten = Long.MIN_VALUE;
    final TreeMap<Long, Pane> panes = new TreeMap<>();
  }

  final long latenessMs;
  final int[] windowsMinutes;
  final int longest;
  final Map<String, Source> sources = new LinkedHashMap<>();
  long counted, lateTotal, droppedTotal, duplicates;
  /** Latest clock of any partition (Long.MIN_VALUE before the first fact), and the windows' end minute. */
  long latest = Long.MIN_VALUE;
  Long end;
  long sequence;
  private final Map<String, Pane> heldBy = new HashMap<>();
  private final Map<String, Pane> refundedBy = new HashMap<>();

  ReportState(long latenessMs, int[] windowsMinutes) {
    this.latenessMs = latenessMs;
    this.windowsMinutes = windowsMinutes;
    int max = 0;
    for (int m : windowsMinutes) max = Math.max(max, m);
    this.longest = max;
  }

  Long watermark() {
    return latest == Long.MIN_VALUE ? null : latest - latenessMs;
  }

  /**
   * A judged part's lead alone adds to the late, dropped, duplicate and counted figures, by its
   * verdict, as its whole fact would on one aggregator; every part adds its counts. The part's own
   * clock still drops what is too late and ignores a republished part.
   */
  void add(String sourceName, Fact fact) {
    Source source = sources.computeIfAbsent(sourceName, k -> new Source());
    long minute = Math.floorDiv(fact.time(), PANE_MS);
    boolean expired = end != null && minute < end - longest;
    String judged = fact.judged();
    boolean lead = !"part".equals(judged);
    if ("duplicate".equals(judged)) {
      // As a redelivery is judged here: after the lateness, before expiry.
      if (expired) droppedTotal++;
      else duplicates++;
      return;
    }
    if ("dropped".equals(judged) || (source.maxTime != Long.MIN_VALUE && fact.time() < source.maxTime - latenessMs)) {
      if (!lead) return;
      droppedTotal++;
      if (!expired) pane(source, minute).dropped++;
      return;
    }
    Pane existing = source.panes.get(minute);
    if (existing != null && existing.ids != null && existing.ids.contains(fact.id())) {
      if (lead) duplicates++;
      return;
    }
    boolean late =
        lead && (judged == null ? source.maxTime != Long.MIN_VALUE && fact.time() < source.maxTime : judged.equals("late"));
    if (source.maxTime == Long.MIN_VALUE || fact.time() > source.maxTime) source.maxTime = fact.time();
    if (expired) {
      // Its partition lags the others by more than the longest window: no report can show it.
      if (lead) droppedTotal++;
    } else {
      Pane pane = pane(source, minute);
      if (pane.ids == null) pane.ids = new HashSet<>();
      pane.ids.add(fact.id());
      if (lead) counted++;
      if (late) {
        lateTotal++;
        pane.late++;
      }
      apply(fact, pane);
    }
    advance(source);
  }

  /** Every pane of every partition. */
  List<Pane> allPanes() {
    List<Pane> all = new ArrayList<>();
    for (Source s : sources.values()) all.addAll(s.panes.values());
    return all;
  }

  private void apply(Fact fact, Pane pane) {
    switch (fact.kind()) {
      case "count" -> addTo(pane, new Key(fact.metric(), fact.category(), fact.key()), fact.amount());
      case "placed" -> {
        if (heldBy.containsKey(fact.orderId()) || refundedBy.containsKey(fact.orderId())) return;
        Held held = new Held(fact.lines(), fact.revenue());
        pane.held.put(fact.orderId(), held);
        heldBy.put(fact.orderId(), pane);
        contribute(pane, held, 1);
      }
      case "retracted" -> {
        Pane holder = heldBy.remove(fact.orderId());
        if (holder != null) contribute(holder, holder.held.remove(fact.orderId()), -1);
        if (fact.refund() && !refundedBy.containsKey(fact.orderId())) {
          pane.refunded.add(fact.orderId());
          refundedBy.put(fact.orderId(), pane);
        }
      }
      default -> throw new IllegalArgumentException("report fact " + fact.id() + " has no known kind " + fact.kind());
    }
  }

  /** An order's lines as units bought per item, and each revenue share as revenue and one order in its category. */
  private void contribute(Pane pane, Held order, int sign) {
    for (Line line : order.lines()) addTo(pane, new Key("bought", line.category(), line.itemId()), sign * line.quantity());
    for (Share share : order.revenue()) {
      addTo(pane, new Key("revenue", share.category(), share.category()), sign * share.revenueMinor());
      addTo(pane, new Key("orders", share.category(), share.category()), sign);
    }
  }

  private static void addTo(Pane pane, Key key, long amount) {
    pane.counts.merge(key, amount, Long::sum);
  }

  /** After a partition's clock moved: lets go of redelivery ids it no longer needs, and moves the windows. */
  private void advance(Source source) {
    forget(source);
    if (source.maxTime <= latest) return;
    latest = source.maxTime;
    long next = Math.floorDiv(latest - latenessMs, PANE_MS);
    if (end != null && next <= end) return;
    end = next;
    expire(next - longest);
  }

  private void forget(Source source) {
    long below = Math.floorDiv(source.maxTime - latenessMs, PANE_MS);
    if (below <= source.forgotten) return;
    source.forgotten = below;
    for (Pane pane : source.panes.headMap(below).values()) pane.ids = null;
  }

  /** Drops the panes older than the longest window: their held orders and refunds go with them. */
  private void expire(long before) {
    for (Source source : sources.values()) {
      for (Iterator<Pane> it = source.panes.headMap(before).values().iterator(); it.hasNext(); ) {
        Pane pane = it.next();
        it.remove();
        for (String orderId : pane.held.keySet()) if (heldBy.get(orderId) == pane) heldBy.remove(orderId);
        for (String orderId : pane.refunded) if (refundedBy.get(orderId) == pane) refundedBy.remove(orderId);
      }
    }
  }

  private static Pane pane(Source source, long minute) {
    return source.panes.computeIfAbsent(minute, Pane::new);
  }
}
