#!/usr/bin/env bash
# Shared by up/down/status and the per-server files: where things live, fetching from Maven, waiting.
set -euo pipefail

INFRA_LOCAL="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Downloads are kept under the home folder so a fresh clone (and CI) fetches each server only once.
CACHE="${EMPORIUM_INFRA_CACHE:-$HOME/.cache/emporium-infra}"
RUN="$INFRA_LOCAL/run"
LOGS="$RUN/logs"
mkdir -p "$CACHE" "$LOGS"

say() { printf '%-14s %s\n' "$1" "$2"; }

# maven_libs DIR COORDS...: every jar of the given artifacts and their runtime dependencies, into DIR.
maven_libs() {
  local dir="$1"; shift
  [[ -f "$dir/.complete" ]] && return 0
  local pom; pom="$(mktemp -d)"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>emporium</groupId><artifactId>infra-fetch</artifactId><version>1</version><dependencies>'
    local coords g a v
    for coords in "$@"; do
      IFS=: read -r g a v <<<"$coords"
      echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
    done
    echo '</dependencies></project>'
  } >"$pom/pom.xml"
  mvn -q -B -f "$pom/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir" >"$LOGS/fetch-$(basename "$dir").log" 2>&1
  rm -rf "$pom"
  touch "$dir/.complete"
}

# maven_archive DIR COORDS: one archive artifact (group:artifact:version:type[:classifier]) unpacked into DIR.
maven_archive() {
  local dir="$1" coords="$2"
  [[ -f "$dir/.complete" ]] && return 0
  local tmp; tmp="$(mktemp -d)"
  mvn -q -B dependency:copy -Dartifact="$coords" -DoutputDirectory="$tmp" >"$LOGS/fetch-$(basename "$dir").log" 2>&1
  mkdir -p "$dir"
  local file; file="$(ls "$tmp"/*)"
  case "$file" in
    *.zip) unzip -q "$file" -d "$dir" ;;
    *) tar -xzf "$file" -C "$dir" ;;
  esac
  rm -rf "$tmp"
  touch "$dir/.complete"
}

# java_at_least N: a JDK of major version N or newer (the default java, else one under /usr/lib/jvm).
java_at_least() {
  local want="$1" java major
  for java in java /usr/lib/jvm/*/bin/java; do
    major="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
    if [[ -n "$major" ]] && ((major >= want)); then command -v "$java"; return 0; fi
  done
  echo "no Java $want or newer (the default java and /usr/lib/jvm were searched)" >&2
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until NAME SECONDS COMMAND...: polls COMMAND until it succeeds; fails naming the server and its
# log when time runs out or the process we started has died.
wait_until() {
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    local why=''
    if ((SECONDS >= deadline)); then why="not ready after ${seconds}s"
    elif [[ -f "$(pid_file "$name")" ]] && ! running "$name"; then why='exited'
    fi
    if [[ -n "$why" ]]; then
      say "$name" "$why; last lines of $LOGS/$name.log:"
      tail -n 20 "$LOGS/$name.log" 2>/dev/null || true
      return 1
    fi
    sleep 1
  done
}

pid_file() { echo "$RUN/$1.pid"; }

running() {
  local file; file="$(pid_file "$1")"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# start_background NAME DIR ARGS...: starts a server in the background, detached from this shell, logging to logs/NAME.log.
start_background() {
  local name="$1" dir="$2"; shift 2
  # exec keeps the pid we record the server's own; setsid gives it a session, so stopping reaches its children.
  (cd "$dir" && exec setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null) &
  echo $! >"$(pid_file "$name")"
}

stop_pid() {
  local name="$1" file; file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 0
  local pid; pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

rss_mb() {
  local file; file="$(pid_file "$1")"
  [[ -f "$file" ]] || { echo '-'; return; }
  # The whole process group: a start script's JVM is a child of the pid we kept.
  ps -o rss= -g "$(cat "$file")" 2>/dev/null | awk '{s+=$1} END {printf "%d MB", s/1024}'
}
