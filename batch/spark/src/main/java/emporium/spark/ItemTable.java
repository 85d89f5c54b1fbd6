// Every item's factors, id and category, broadcast to the executors that score shoppers and similar items.
package emporium.spark;

import java.io.Serializable;

record ItemTable(String[] ids, float[] factors, int[] category, String[] categories, float[] norms, int k)
    implements Serializable {
  static ItemTable of(String[] ids, float[] factors, int[] category, String[] categories, int k) {
    float[] norms = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      double s = 0;
      for (int a = 0; a < k; a++) s += (double) factors[i * k + a] * factors[i * k + a];
      norms[i] = (float) Math.sqrt(s);
    }
    return new ItemTable(ids, factors, category, categories, norms, k);
  }

  int size() {
    return ids.length;
  }

  /** x · y_i for every item into `out`. */
  void score(float[] x, float[] out) {
    for (int i = 0, o = 0; i < out.length; i++, o += k) {
      float s = 0;
      for (int a = 0; a < k; a++) s += x[a] * factors[o + a];
      out[i] = s;
    }
  }

  /** The cosine of item `item`'s factors with every item's into `out`. */
  void cosines(int item, float[] out) {
    int o = item * k;
    for (int i = 0, p = 0; i < out.length; i++, p += k) {
      float s = 0;
      for (int a = 0; a < k; a++) s += factors[o + a] * factors[p + a];
      float d = norms[i] * norms[item];
      out[i] = d > 0 ? s / d : 0;
    }
  }
}
