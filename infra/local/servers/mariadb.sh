#!/usr/bin/env bash
# MariaDB from the machine's Debian packages (already running on these machines); started if it is not.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=mariadb
external=1

fetch() { command -v mariadbd >/dev/null || /usr/sbin/mariadbd --version >/dev/null; }
start() { start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd; }
ready() { mariadb -uroot -h127.0.0.1 -e 'SELECT 1'; }
where() { echo "127.0.0.1:3306 ($(mariadb -uroot -h127.0.0.1 -N -e 'SELECT VERSION()' 2>/dev/null), root without password)"; }

source "$INFRA_LOCAL/server-main.sh"
