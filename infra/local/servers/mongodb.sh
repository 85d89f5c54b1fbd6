#!/usr/bin/env bash
# A MongoDB wire-protocol server (mongo-java-server) on its H2 file backend, so the catalog outlives a
# restart like every other store here: no real mongod is in any reachable registry.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=mongodb
VERSION=1.47.0
HOME_DIR="$CACHE/mongo-java-server-h2-$VERSION"
DATA="$RUN/mongodb"

fetch() { maven_libs "$HOME_DIR/lib" "de.bwaldvogel:mongo-java-server-h2-backend:$VERSION" org.slf4j:slf4j-simple:2.0.17; }

start() {
  mkdir -p "$DATA"
  # Java runs the one-file launcher from source: nothing to build.
  start_background "$NAME" "$DATA" java -Xmx512m -cp "$HOME_DIR/lib/*" "$INFRA_LOCAL/mongodb/H2Mongo.java" "$DATA/catalog.mv.db" 27017
}

ready() { port_open 27017; }
where() { echo "127.0.0.1:27017 (mongo-java-server $VERSION, H2 file backend in $DATA)"; }

source "$INFRA_LOCAL/server-main.sh"
