#!/usr/bin/env bash
# Where each server listens and how much memory it holds, or that it is down (exit 1 if any is).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
down=0
for server in mariadb redis kafka schema-registry mongodb elasticsearch cassandra smtp; do bash "$INFRA_LOCAL/servers/$server.sh" status || down=1; done
exit "$down"
