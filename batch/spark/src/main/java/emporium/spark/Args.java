// A job's command-line options: `--name value` pairs, each read once with a default or as required.
package emporium.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class Args {
  private final String job;
  private final Map<String, String> values = new HashMap<>();

  Args(String job, List<String> words) {
    this.job = job;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("--") || i + 1 >= words.size())
        throw new IllegalArgumentException(job + ": expected --option value, got " + word);
      values.put(word.substring(2), words.get(++i));
    }
  }

  String string(String name) {
    String v = values.get(name);
    if (v == null) throw new IllegalArgumentException(job + ": --" + name + " is required");
    return v;
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  double number(String name, double fallback) {
    return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
  }
}
