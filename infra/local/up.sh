#!/usr/bin/env bash
# Starts every real server on 127.0.0.1 in parallel (or only those named), fetching each once; waits until
# each is really ready and fails, naming the server and showing its log, when one is not.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
servers=("$@")
((${#servers[@]})) || servers=(mariadb redis kafka schema-registry mongodb elasticsearch cassandra smtp)

pids=()
for server in "${servers[@]}"; do
  bash "$INFRA_LOCAL/servers/$server.sh" up &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
if ((failed)); then echo "some servers did not start; logs are in $LOGS" >&2; exit 1; fi
echo "all up; logs in $LOGS; run the shop on them with: npm run start:real"
