#!/usr/bin/env bash
# Stops the servers `up` started (all, or only those named); the machine's own MariaDB and Redis are left running.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
servers=("$@")
((${#servers[@]})) || servers=(smtp cassandra elasticsearch mongodb schema-registry kafka redis mariadb)
for server in "${servers[@]}"; do bash "$INFRA_LOCAL/servers/$server.sh" down; done
