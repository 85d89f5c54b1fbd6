#!/usr/bin/env bash
# The verbs every servers/*.sh answers, given its NAME and fetch/start/ready/where functions.
# A server that a kind of machine already runs (MariaDB, Redis) defines `external=1` and no pid is kept.
READY_SECONDS="${READY_SECONDS:-180}"

verb_up() {
  local began=$SECONDS
  if ready >/dev/null 2>&1; then say "$NAME" "already up at $(where)"; return 0; fi
  fetch
  if ! running "$NAME"; then start; fi
  wait_until "$NAME" "$READY_SECONDS" ready
  say "$NAME" "up at $(where) in $((SECONDS - began))s"
}

verb_down() {
  if [[ "${external:-0}" == 1 ]]; then say "$NAME" "left running (the machine's own service)"; return 0; fi
  stop_pid "$NAME"
  say "$NAME" stopped
}

verb_status() {
  if ready >/dev/null 2>&1; then say "$NAME" "up at $(where), $(rss_mb "$NAME")"; else say "$NAME" down; return 1; fi
}

case "${1:-}" in
  fetch) fetch ;;
  up) verb_up ;;
  down) verb_down ;;
  status) verb_status ;;
  *) echo "usage: $0 fetch|up|down|status" >&2; exit 64 ;;
esac
