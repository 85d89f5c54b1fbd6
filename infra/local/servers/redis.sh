#!/usr/bin/env bash
# Redis from the machine's Debian packages (already running on these machines); started if it is not.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=redis
external=1

fetch() { command -v redis-server >/dev/null; }
start() { redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --logfile "$LOGS/redis.log"; }
# Expiry events are how order reservations learn they lapsed; the setting is not persisted, so set it every time.
ready() { redis-cli -h 127.0.0.1 -p 6379 CONFIG SET notify-keyspace-events Ex | grep -q OK; }
where() { echo "127.0.0.1:6379 (Redis $(redis-cli -h 127.0.0.1 INFO server | sed -n 's/^redis_version:\([^\r]*\).*/\1/p'))"; }

source "$INFRA_LOCAL/server-main.sh"
