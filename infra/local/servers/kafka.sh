#!/usr/bin/env bash
# Apache Kafka 3.9 in KRaft mode, one node that is both broker and controller, from Maven Central jars.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=kafka
VERSION=3.9.1
HOME_DIR="$CACHE/kafka-$VERSION"
DATA="$RUN/kafka"

fetch() {
  # reload4j is not in Kafka's POM but is what its log4j calls land on; without it the broker logs nothing.
  maven_libs "$HOME_DIR/lib" "org.apache.kafka:kafka_2.13:$VERSION" ch.qos.reload4j:reload4j:1.2.25 org.slf4j:slf4j-reload4j:1.7.36
}

configure() {
  mkdir -p "$DATA"
  cat >"$DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/logs
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat >"$DATA/log4j.properties" <<'PROPS'
log4j.rootLogger=WARN, stdout
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
  if [[ ! -f "$DATA/logs/meta.properties" ]]; then
    local id; id="$(java -cp "$HOME_DIR/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    java -cp "$HOME_DIR/lib/*" -Dlog4j.configuration="file:$DATA/log4j.properties" \
      kafka.tools.StorageTool format -t "$id" -c "$DATA/server.properties" --ignore-formatted >"$LOGS/kafka-format.log" 2>&1
  fi
}

start() {
  configure
  start_background "$NAME" "$DATA" java -Xms256m -Xmx512m -Dlog4j.configuration="file:$DATA/log4j.properties" \
    -cp "$HOME_DIR/lib/*" kafka.Kafka "$DATA/server.properties"
}

ready() { port_open 9092 && node "$INFRA_LOCAL/kafka-ready.mjs" 127.0.0.1:9092; }
where() { echo "127.0.0.1:9092 (Kafka $VERSION, KRaft)"; }

source "$INFRA_LOCAL/server-main.sh"
