#!/usr/bin/env bash
# A MongoDB wire-protocol server (mongo-java-server, in-memory backend): no real mongod is in any reachable registry.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=mongodb
VERSION=1.47.0
HOME_DIR="$CACHE/mongo-java-server-$VERSION"

fetch() { maven_libs "$HOME_DIR/lib" "de.bwaldvogel:mongo-java-server-memory-backend:$VERSION" org.slf4j:slf4j-simple:2.0.17; }
start() { start_background "$NAME" "$RUN" java -Xmx512m -cp "$HOME_DIR/lib/*" de.bwaldvogel.mongo.InMemoryMongoServer 27017; }
ready() { port_open 27017; }
where() { echo "127.0.0.1:27017 (mongo-java-server $VERSION, in memory: data is gone when it stops)"; }

source "$INFRA_LOCAL/server-main.sh"
