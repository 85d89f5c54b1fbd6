// `emporium seed`: publishes demo items through the supplier feed, or writes them to a feed file.
import fs from 'node:fs';
import { Command } from 'commander';
import { seedDemoItems } from '../ingest/demo/seed.ts';
import { demoItems } from '../ingest/demo/items.ts';
import { progressBar } from '../platform/progress.ts';
import { wholeNumber } from './whole-number.ts';
import { withInbound } from './with-inbound.ts';

const count = wholeNumber(1, 10_000_000);

export function seedCommand() {
  return new Command('seed')
    .description(
      'make demo items (deterministic for a seed) and send them through the supplier feed, as a supplier would',
    )
    .option('-n, --items <count>', 'how many items', count, 10_000)
    .option('-s, --seed <seed>', 'the same seed always gives the same items', count, 1)
    .option(
      '-o, --out <file>',
      'write a JSON-lines feed file instead of publishing (ingest it later with `emporium ingest`)',
    )
    .action(async (options: { items: number; seed: number; out?: string }) => {
      if (options.out) {
        await writeFeed(options.out, options.seed, options.items);
        process.stdout.write(`wrote ${options.items.toLocaleString('en-US')} demo items to ${options.out}\n`);
        return;
      }
      const accepted = await withInbound((inbound) =>
        seedDemoItems(
          inbound,
          { seed: options.seed, count: options.items },
          progressBar('seeding items', options.items),
        ),
      );
      process.stdout.write(
        `published ${accepted.toLocaleString('en-US')} demo items on supplier.items; the catalog applies them while the shop runs\n`,
      );
    });
}

/** Streams the feed to disk, respecting back-pressure, so a million items never sit in memory. */
async function writeFeed(file: string, seed: number, items: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const progress = progressBar('writing feed', items);
  for (const item of demoItems({ seed, count: items })) {
    if (!out.write(`${JSON.stringify(item)}\n`))
      await new Promise((resolve) => out.once('drain', () => resolve(undefined)));
    progress.increment();
  }
  progress.stop();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
