// The n best (item, score) pairs offered, kept in a small min-heap, as batch/recommendations/top-n.ts
// keeps them: higher scores first, ties to the lower item index.
package emporium.spark;

final class Best {
  private final int[] items;
  private final float[] scores;
  private int size;

  Best(int n) {
    items = new int[n];
    scores = new float[n];
  }

  /** a ranks below b. */
  private boolean worse(int a, int b) {
    return scores[a] < scores[b] || (scores[a] == scores[b] && items[a] > items[b]);
  }

  void offer(int item, float score) {
    if (items.length == 0) return;
    if (size < items.length) {
      items[size] = item;
      scores[size] = score;
      int at = size++;
      while (at > 0 && worse(at, (at - 1) / 2)) {
        swap(at, (at - 1) / 2);
        at = (at - 1) / 2;
      }
      return;
    }
    if (score < scores[0] || (score == scores[0] && item > items[0])) return;
    items[0] = item;
    scores[0] = score;
    for (int at = 0; ; ) {
      int l = 2 * at + 1, r = l + 1, low = at;
      if (l < size && worse(l, low)) low = l;
      if (r < size && worse(r, low)) low = r;
      if (low == at) return;
      swap(at, low);
      at = low;
    }
  }

  int size() {
    return size;
  }

  /** The pairs best first, as the store's JSON list `[[itemId, score], ...]` (list-codec.ts). */
  String json(String[] ids) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> worse(a, b) ? 1 : worse(b, a) ? -1 : 0);
    StringBuilder out = new StringBuilder("[");
    for (int j = 0; j < size; j++) {
      int i = order[j];
      if (j > 0) out.append(',');
      out.append('[');
      quote(out, ids[items[i]]);
      double s = scores[i];
      out.append(',').append(Double.isFinite(s) ? Double.toString(s) : "0").append(']');
    }
    return out.append(']').toString();
  }

  private void swap(int a, int b) {
    int i = items[a];
    items[a] = items[b];
    items[b] = i;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    out.append('"');
  }
}
