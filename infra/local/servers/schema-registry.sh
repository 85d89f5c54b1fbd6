#!/usr/bin/env bash
# Apicurio Registry 3 serving the Confluent schema registry API (Confluent's own is not on Maven Central).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=schema-registry
VERSION=3.3.3
HOME_DIR="$CACHE/apicurio-registry-$VERSION"
URL=http://127.0.0.1:8081/apis/ccompat/v7

fetch() { maven_archive "$HOME_DIR" "io.apicurio:apicurio-registry-app:$VERSION:tar.gz:all"; }

start() {
  local app; app="$(dirname "$(find "$HOME_DIR" -name quarkus-run.jar | head -1)")"
  # Apicurio 3.3 is built for Java 21; these machines default to 17 and carry a newer JDK beside it.
  start_background "$NAME" "$app" "$(java_at_least 21)" -Xmx384m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=8081 -jar quarkus-run.jar
}

ready() { curl -fsS -o /dev/null "$URL/subjects" 2>/dev/null; }
where() { echo "$URL (Apicurio Registry $VERSION, in memory)"; }

source "$INFRA_LOCAL/server-main.sh"
