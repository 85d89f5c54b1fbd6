// The watched inbox: feed files dropped into a folder are ingested, then moved to processed/ beside their report.
import fs from 'node:fs';
import path from 'node:path';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Inbound } from '../inbound.ts';
import { ingestFile } from './ingest-file.ts';
import { feedFormat } from './read-feed.ts';

/**
 * Polls rather than using fs.watch, which misses events on network and container filesystems. A file is
 * taken once its size has stopped changing between two polls, so a half-copied file is never read.
 */
export function watchInbox(options: { dir: string; inbound: Inbound; logger: Logger; intervalMs?: number }): Lifecycle {
  const processed = path.join(options.dir, 'processed');
  const sizes = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();

  const poll = async () => {
    for (const name of fs.readdirSync(options.dir)) {
      const file = path.join(options.dir, name);
      if (!feedFormat(name) || !fs.statSync(file).isFile()) continue;
      const size = fs.statSync(file).size;
      if (sizes.get(name) !== size) {
        sizes.set(name, size);
        continue;
      }
      sizes.delete(name);
      const report = await ingestFile(file, options.inbound);
      const stamp = new Date().toISOString().replaceAll(':', '-');
      fs.renameSync(file, path.join(processed, `${stamp}-${name}`));
      fs.writeFileSync(path.join(processed, `${stamp}-${name}.report.json`), JSON.stringify(report, null, 2));
      options.logger.info({ file: name, accepted: report.accepted, rejected: report.rejected }, 'feed file ingested');
    }
  };

  return {
    start() {
      fs.mkdirSync(processed, { recursive: true });
      timer = setInterval(() => {
        busy = busy.then(poll).catch((error: unknown) => options.logger.error({ err: error }, 'inbox poll failed'));
      }, options.intervalMs ?? 1000);
      return Promise.resolve();
    },
    async close() {
      clearInterval(timer);
      await busy;
    },
  };
}
