// Where a request came from: the calling socket's address, for throttles. Headers such as X-Forwarded-For
// are not read, as any client can send them; a shop behind a proxy would need the proxy named in config.
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/** The socket's remote address over Node's server (the storefront hands its page request's on); 'in-process' otherwise. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'in-process';
}
