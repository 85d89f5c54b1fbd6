// Serves a Hono app on Node's HTTP server and resolves with the bound address once it listens.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  host: string,
  port: number,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const running = server!;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        close: () => new Promise<void>((done, fail) => running.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
