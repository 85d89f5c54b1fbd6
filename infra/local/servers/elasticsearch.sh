#!/usr/bin/env bash
# Elasticsearch 8 from Maven Central's integ-test-zip: the real server without a bundled JDK, painless,
# reindex or analysis-common. It carries x-pack security, switched off: only loopback reaches it.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=elasticsearch
VERSION=8.19.4
HOME_DIR="$CACHE/elasticsearch-$VERSION"
DATA="$RUN/elasticsearch"
# Elasticsearch refuses to run as root; it runs as this user, created on first start.
USER_NAME=emporium-es

fetch() { maven_archive "$HOME_DIR" "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip"; }

start() {
  id -u "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
  # The download sits in root's home, which other users cannot enter: the server runs from its own copy.
  if [[ ! -d "$DATA/home" ]]; then
    mkdir -p "$DATA"
    cp -r "$HOME_DIR/elasticsearch-$VERSION" "$DATA/home"
  fi
  mkdir -p "$DATA/data" "$DATA/logs"
  chown -R "$USER_NAME" "$DATA"
  local java; java="$(java_at_least 17)"
  start_background "$NAME" "$DATA" env ES_JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")" \
    ES_JAVA_OPTS='-Xms512m -Xmx512m' \
    setpriv --reuid="$USER_NAME" --regid="$(id -g "$USER_NAME")" --clear-groups \
    "$DATA/home/bin/elasticsearch" -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port=9200 -E xpack.security.enabled=false \
    -E path.data="$DATA/data" -E path.logs="$DATA/logs" -E cluster.routing.allocation.disk.threshold_enabled=false
}

ready() { curl -fsS 'http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s' 2>/dev/null | grep -q '"status":"\(green\|yellow\)"'; }
where() { echo "http://127.0.0.1:9200 (Elasticsearch $VERSION, integ-test distribution)"; }

source "$INFRA_LOCAL/server-main.sh"
