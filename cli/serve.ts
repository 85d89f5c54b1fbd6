// `emporium serve`: runs the whole shop in one process and says where to look.
import { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { listen } from '../platform/http/server.ts';
import { createShop } from '../serving/app.ts';

export function serveCommand() {
  return new Command('serve')
    .description('serve the APIs, the docs and the stream consumers in one process (embedded stores unless EMPORIUM_* URLs are set)')
    .option('-p, --port <port>', 'HTTP port (overrides EMPORIUM_PORT)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, EMPORIUM_PORT: options.port } : process.env);
      const logger = createLogger(config.logLevel);
      const started = performance.now();
      const shop = await createShop(config, { logger });
      await shop.start();
      const server = await listen(shop.http, config.http.host, config.http.port);
      logger.info({ ms: Math.round(performance.now() - started) }, 'shop started');
      process.stdout.write(
        [
          '',
          `Emporium is running (${describeMode(config)}).`,
          `  API docs       ${server.url}/docs`,
          `  OpenAPI        ${server.url}/openapi.json`,
          `  Metrics        ${server.url}/metrics`,
          `  Health         ${server.url}/health`,
          `  Data folder    ${config.dataDir}`,
          '',
        ].join('\n'),
      );
      const stop = async () => {
        await server.close();
        await shop.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}

function describeMode(config: ReturnType<typeof loadConfig>): string {
  const real = Object.entries({ bus: config.bus, registry: config.registry, catalog: config.catalog, search: config.search, redis: config.redis, cassandra: config.cassandra })
    .filter(([, choice]) => choice.kind === 'real')
    .map(([name]) => name);
  const realSql = Object.entries(config.sql).filter(([, c]) => c?.kind === 'real').map(([name]) => `${name} db`);
  const all = [...real, ...realSql];
  return all.length === 0 ? 'embedded, no servers needed' : `real servers for: ${all.join(', ')}`;
}
