// Where the recommendations store lives, as a serializable value each executor opens its own session from.
package emporium.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.time.Duration;

record Cassandra(String host, int port, String dataCenter, String keyspace) implements Serializable {
  /** From `host:port` and the data centre, as platform/config.ts reads EMPORIUM_CASSANDRA_URL. */
  static Cassandra from(Args a) {
    String[] hostPort = a.string("cassandra").split(":");
    return new Cassandra(
        hostPort[0],
        hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 9042,
        a.string("dc", "datacenter1"),
        a.string("keyspace"));
  }

  CqlSession open() {
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(host, port))
        .withLocalDatacenter(dataCenter)
        // Lightweight transactions on a busy one-node server take longer than the driver's 2 s default.
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .build())
        .build();
  }
}
