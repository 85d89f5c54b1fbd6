#!/usr/bin/env bash
# Apache Cassandra 5.0 from Maven Central (cassandra-all and its dependencies; Maven Central has no
# 5.0 binary tarball), started with CassandraDaemon and a minimal single-node configuration.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=cassandra
VERSION=5.0.8
HOME_DIR="$CACHE/cassandra-$VERSION"
DATA="$RUN/cassandra"

fetch() { maven_libs "$HOME_DIR/lib" "org.apache.cassandra:cassandra-all:$VERSION"; }

configure() {
  mkdir -p "$DATA"
  cat >"$DATA/cassandra.yaml" <<YAML
cluster_name: emporium
num_tokens: 16
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
data_file_directories: [$DATA/data]
commitlog_directory: $DATA/commitlog
saved_caches_directory: $DATA/saved_caches
hints_directory: $DATA/hints
cdc_raw_directory: $DATA/cdc_raw
commitlog_sync: periodic
commitlog_sync_period: 10000ms
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:7000"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
storage_port: 7000
native_transport_port: 9042
start_native_transport: true
endpoint_snitch: SimpleSnitch
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
YAML
  # cassandra-all carries no logging configuration; without one logback logs everything at DEBUG.
  cat >"$DATA/logback.xml" <<'XML'
<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="STDOUT"/></root>
  <logger name="org.apache.cassandra.service.CassandraDaemon" level="INFO"/>
  <logger name="org.apache.cassandra.transport.Server" level="INFO"/>
</configuration>
XML
}

start() {
  configure
  local java; java="$(java_at_least 17)"
  start_background "$NAME" "$DATA" "$java" -Xms1g -Xmx1g -Xmn256m -XX:+UseG1GC -Xss512k \
    -Dcassandra.config="file://$DATA/cassandra.yaml" -Dlogback.configurationFile="$DATA/logback.xml" -Dcassandra.storagedir="$DATA" -Dcassandra-foreground=yes \
    -Dcassandra.jmx.local.port=7199 -Djava.net.preferIPv4Stack=true -Djdk.attach.allowAttachSelf=true \
    $(jdk17_opens) -cp "$HOME_DIR/lib/*" org.apache.cassandra.service.CassandraDaemon
}

# What Cassandra's own conf/jvm17-server.options grants: the JDK internals it reaches into.
jdk17_opens() {
  local e
  for e in java.base/jdk.internal.misc java.base/jdk.internal.ref java.base/sun.nio.ch java.management.rmi/com.sun.jmx.remote.internal.rmi \
    java.rmi/sun.rmi.registry java.rmi/sun.rmi.server java.sql/java.sql java.base/java.lang.ref jdk.unsupported/sun.misc; do
    printf -- '--add-exports %s=ALL-UNNAMED ' "$e"
  done
  for e in java.base/java.lang.module java.base/jdk.internal.loader java.base/jdk.internal.ref java.base/jdk.internal.reflect \
    java.base/jdk.internal.math java.base/jdk.internal.module java.base/jdk.internal.util.jar jdk.management/com.sun.management.internal \
    java.base/sun.nio.ch java.base/java.io java.base/java.nio java.base/java.util.concurrent java.base/java.util \
    java.base/java.util.concurrent.atomic java.base/java.lang java.base/java.math java.base/java.lang.reflect java.base/java.net; do
    printf -- '--add-opens %s=ALL-UNNAMED ' "$e"
  done
}

ready() { port_open 9042; }
where() { echo "127.0.0.1:9042 (Apache Cassandra $VERSION, one node)"; }

source "$INFRA_LOCAL/server-main.sh"
