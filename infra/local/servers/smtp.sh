#!/usr/bin/env bash
# An SMTP server from Debian's python3-aiosmtpd, delivering every message into a Maildir under run/smtp/,
# where the real suite reads what the email notifier sent.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NAME=smtp
PORT="${SMTP_PORT:-2525}"
MAILDIR="$RUN/smtp/maildir"

# The system Python: Debian's package installs the module there, whatever python3 comes first on PATH.
fetch() { /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "apt-get install python3-aiosmtpd first" >&2; return 1; }; }
start() {
  # A Maildir is its three folders: Python creates them only for a folder that does not exist yet.
  mkdir -p "$MAILDIR/tmp" "$MAILDIR/new" "$MAILDIR/cur"
  start_background "$NAME" "$RUN/smtp" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR"
}
ready() { port_open "$PORT"; }
where() { echo "127.0.0.1:$PORT (aiosmtpd $(/usr/bin/python3 -c 'import aiosmtpd; print(aiosmtpd.__version__)'), mail in $MAILDIR)"; }

source "$INFRA_LOCAL/server-main.sh"
