#!/usr/bin/env bash
# Stops and starts the servers named (`restart.sh schema-registry`), each waited for until it answers again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
(($#)) || { echo "usage: $0 SERVER..." >&2; exit 64; }
bash "$INFRA_LOCAL/down.sh" "$@"
bash "$INFRA_LOCAL/up.sh" "$@"
