// `emporium serve`: runs the whole shop in one process and says where to look.
import fs from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { listen } from '../platform/http/server.ts';
import type { DemoAccess } from '../ingest/demo/demo-access.ts';
import { createShop } from '../app/shop.ts';

export function serveCommand() {
  return new Command('serve')
    .description(
      'serve the APIs, the docs and the stream consumers in one process (embedded stores unless EMPORIUM_* URLs are set)',
    )
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
          `  Storefront     ${server.url}/`,
          `  Dashboard      ${server.url}/dashboard (staff: live top sellers and revenue)`,
          `  API docs       ${server.url}/docs`,
          `  OpenAPI        ${server.url}/openapi.json`,
          `  Metrics        ${server.url}/metrics`,
          `  Health         ${server.url}/health`,
          `  Data folder    ${config.dataDir}`,
          ...demoAccessLines(shop.demoAccess.created(), shop.demoAccess.file, server.url),
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
  const real = Object.entries({
    bus: config.bus,
    registry: config.registry,
    catalog: config.catalog,
    search: config.search,
    redis: config.redis,
    cassandra: config.cassandra,
  })
    .filter(([, choice]) => choice.kind === 'real')
    .map(([name]) => name);
  const realSql = Object.entries(config.sql)
    .filter(([, c]) => c?.kind === 'real')
    .map(([name]) => `${name} db`);
  const all = [...real, ...realSql];
  return all.length === 0 ? 'embedded, no servers needed' : `real servers for: ${all.join(', ')}`;
}

/** The demo's staff sign-in and supplier key: in full on the start that made them, then where they are kept. */
function demoAccessLines(created: DemoAccess | undefined, file: string, url: string): string[] {
  if (!created) return fs.existsSync(file) ? [`  Demo access    ${file} (staff sign-in, supplier key)`] : [];
  return [
    '',
    `  Staff sign-in  ${created.staff.email} / ${created.staff.password}  (at ${url}/signin, or POST /api/sessions)`,
    `  Supplier key   ${created.supplierKey.key}  (${created.supplierKey.supplierId}: Authorization: Bearer <key>)`,
    `  Both are kept in ${file}; \`emporium access --help\` makes more.`,
  ];
}
