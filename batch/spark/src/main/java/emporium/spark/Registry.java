// The schemas a topic's messages may carry, from a Confluent-compatible registry: subjects follow the
// topic-record-name strategy (`<prefix><topic>-<record full name>`), and every version of each is
// fetched, since a message names its schema by id and older messages keep older ids.
package emporium.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

final class Registry {
  record Version(int id, String schema, String recordName) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String url;

  Registry(String url) {
    this.url = url.replaceAll("/+$", "");
  }

  /** Every version of every subject of the topic (`topic` already carries the namespace prefix). */
  List<Version> versionsOf(String topic) throws IOException, InterruptedException {
    List<Version> out = new ArrayList<>();
    for (JsonNode subject : get("/subjects")) {
      String name = subject.asText();
      if (!name.startsWith(topic + "-")) continue;
      String path = "/subjects/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions";
      for (JsonNode v : get(path)) {
        JsonNode version = get(path + "/" + v.asText());
        String schema = version.get("schema").asText();
        out.add(new Version(version.get("id").asInt(), schema, json.readTree(schema).get("name").asText()));
      }
    }
    return out;
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IOException("registry " + path + " answered " + r.statusCode() + ": " + r.body());
    return json.readTree(r.body());
  }
}
