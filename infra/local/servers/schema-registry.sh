#!/usr/bin/env bash
# Apicurio Registry 3 serving the Confluent schema registry API (Confluent's own is not on Maven Central),
# its schemas kept in Kafka (KafkaSQL storage), beside the messages that name them by id.
# REGISTRY_PORT and REGISTRY_TOPICS run a second registry of its own (the registry restart test does).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
VERSION=3.3.3
HOME_DIR="$CACHE/apicurio-registry-$VERSION"
PORT="${REGISTRY_PORT:-8081}"
# The prefix of its Kafka topics (journal, snapshots, events) and of its consumer groups.
TOPICS="${REGISTRY_TOPICS:-emporium-registry}"
KAFKA="${REGISTRY_KAFKA:-127.0.0.1:9092}"
NAME=schema-registry
[[ "$PORT" == 8081 ]] || NAME="schema-registry-$PORT"
URL="http://127.0.0.1:$PORT/apis/ccompat/v7"

fetch() { maven_archive "$HOME_DIR" "io.apicurio:apicurio-registry-app:$VERSION:tar.gz:all"; }

start() {
  local app; app="$(dirname "$(find "$HOME_DIR" -name quarkus-run.jar | head -1)")"
  # KafkaSQL replays its journal topic at start, so Kafka must answer first.
  wait_until kafka "$READY_SECONDS" node "$INFRA_LOCAL/kafka-ready.mjs" "$KAFKA"
  # Apicurio 3.3 is built for Java 21; these machines default to 17 and carry a newer JDK beside it.
  # Its management interface (health, metrics) would bind 0.0.0.0:9000 for every instance: loopback, a port each.
  # Each start replays the journal under a new consumer group (its in-memory copy starts empty), named under TOPICS.
  start_background "$NAME" "$app" "$(java_at_least 21)" -Xmx384m \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1000)) \
    -Dquarkus.log.category.'"org.apache.kafka"'.level=WARN \
    -Dapicurio.storage.kind=kafkasql \
    -Dapicurio.kafkasql.bootstrap.servers="$KAFKA" \
    -Dapicurio.kafkasql.topic="$TOPICS-journal" \
    -Dapicurio.kafkasql.snapshots.topic="$TOPICS-snapshots" \
    -Dapicurio.events.kafka.topic="$TOPICS-events" \
    -Dapicurio.kafkasql.consumer.group-prefix="$TOPICS-" \
    -jar quarkus-run.jar
}

ready() { curl -fsS -o /dev/null "$URL/subjects" 2>/dev/null; }
where() { echo "$URL (Apicurio Registry $VERSION, schemas in Kafka topic $TOPICS-journal)"; }

source "$INFRA_LOCAL/server-main.sh"
