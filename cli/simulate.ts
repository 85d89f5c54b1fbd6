// `emporium simulate --history <days>`: a simulated shop's past, published through the bus with past
// event times, so training, the lake and the reports have a realistic history to work from.
import { Command } from 'commander';
import { demoItems } from '../ingest/demo/items.ts';
import { publishHistory } from '../ingest/demo/simulate/publish-history.ts';
import { loadConfig } from '../platform/config.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { createLogger } from '../platform/logger.ts';
import { progressBar } from '../platform/progress.ts';
import { wholeNumber } from './whole-number.ts';

export function simulateCommand() {
  return new Command('simulate')
    .description(
      'simulate shoppers with hidden tastes (favourite categories, brands, a price band) searching, viewing, carting, wishlisting and ordering; deterministic for a seed',
    )
    .requiredOption(
      '--history <days>',
      'days of history ending now, published with past event times',
      wholeNumber(1, 3650),
    )
    .option('--shoppers <n>', 'simulated shoppers', wholeNumber(1, 10_000_000), 500)
    .option('--seed <n>', 'the same seed gives the same shoppers and events', wholeNumber(0, 2 ** 31), 1)
    .option(
      '--items <n>',
      "the demo catalog's size (default: EMPORIUM_DEMO_ITEMS, what the shop seeded)",
      wholeNumber(1, 10_000_000),
    )
    .option('--json', 'print the summary as JSON')
    .action(async (flags: { history: number; shoppers: number; seed: number; items?: number; json?: boolean }) => {
      const config = loadConfig();
      const events = createEvents(config, {
        logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
      });
      // The catalog the shop seeded: the same demo seed and count give the same items.
      const items = [...demoItems({ seed: config.demo.seed, count: flags.items ?? config.demo.items })];
      await events.start();
      const summary = await publishHistory(
        events,
        items,
        { seed: flags.seed, shoppers: flags.shoppers, days: flags.history, end: Date.now() },
        progressBar('simulating days', flags.history),
      ).finally(() => events.close());
      if (flags.json) return void process.stdout.write(JSON.stringify(summary) + '\n');
      const t = summary.byType;
      process.stdout.write(
        `published ${summary.events.toLocaleString('en-US')} events of ${summary.shoppers.toLocaleString('en-US')} shoppers over ${summary.days} days: ${t.ProductViewed.toLocaleString('en-US')} views, ${t.SearchPerformed.toLocaleString('en-US')} searches, ${t.CartItemAdded.toLocaleString('en-US')} cart adds, ${t.WishlistItemAdded.toLocaleString('en-US')} wishlist adds, ${t.OrderPlaced.toLocaleString('en-US')} orders; train on them with \`emporium batch train-recs\`\n`,
      );
    });
}
