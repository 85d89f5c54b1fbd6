// Keeps the shop's recommendations trained: on the first start with demo data and no model, a simulated
// history is published and trained on (so the home page is personal from the first minute), and the
// running shop retrains every EMPORIUM_RECS_TRAIN_EVERY_HOURS through the job queue's repeatable task,
// from the embedded event log or, on Kafka, the lake (recommendations-source.ts).
import fs from 'node:fs';
import path from 'node:path';
import { runTrainRecs } from '../batch/recommendations/run-recs.ts';
import { runSpark, withDefaults } from '../batch/spark/launcher.ts';
import { interactionSource } from './recommendations-source.ts';
import { demoItems } from '../ingest/demo/items.ts';
import { publishHistory } from '../ingest/demo/simulate/publish-history.ts';
import { demoUser, DEMO_PASSWORD } from '../ingest/demo/users.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Events } from '../platform/events/events.ts';
import type { JobQueue } from '../platform/jobs/job-queue.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { Logger } from '../platform/logger.ts';
import type { RecommendationStore } from '../serving/recommendations/store/recommendation-store.ts';
import type { UserService } from '../serving/users/user-service.ts';

/** Simulated shoppers who get real accounts, so a person can sign in as one and see their recommendations. */
const ACCOUNTS = 3;
/** Small and quick for a first start on two cores (about 3 s on the demo catalog); the nightly run uses the same. */
const ALS = { factors: 32, iterations: 10 };

export function recommendationsTraining(
  config: Config,
  deps: {
    events: Events;
    jobs: JobQueue;
    store: RecommendationStore;
    users: UserService;
    logger: Logger;
    clock: Clock;
  },
): Lifecycle & { bootstrapped(): Promise<void> } {
  const logger = deps.logger.child({ component: 'recommendations' });
  const marker = path.join(config.dataDir, 'recs-history-simulated.json');
  let running: Promise<void> = Promise.resolve();

  const train = async (why: string) => {
    if (config.recommendations.engine === 'spark') {
      const [summary] = await runSpark({
        master: config.spark.master,
        jobs: [
          ['als', ...withDefaults('als', ['--factors', `${ALS.factors}`, '--iterations', `${ALS.iterations}`], config)],
        ],
      });
      logger.info({ why, engine: 'spark', ...(summary as object) }, 'recommendations trained and switched to');
      return;
    }
    const { name, source } = interactionSource(config);
    const summary = await runTrainRecs(config, source, { als: ALS }, () => {});
    logger.info(
      { why, from: name, version: summary.version, shoppers: summary.shoppers, items: summary.items, ms: summary.ms },
      'recommendations trained and switched to',
    );
  };

  /** Accounts for the first simulated shoppers (demo addresses), their ids used in the history. */
  const accounts = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (let n = 0; n < ACCOUNTS; n++) {
      const user = demoUser(config.demo.seed, 300_000 + n);
      const email = `taste.${config.demo.seed}.${n}@demo.emporium.example`;
      const { userId } = await deps.users.register({ email, password: DEMO_PASSWORD, name: user.name });
      const { isDefault: _default, ...address } = user.addresses[0]!;
      await deps.users.addAddress(userId, { ...address, line2: null, phone: null }, true);
      ids.push(userId);
    }
    return ids;
  };

  const stop = new AbortController();
  const bootstrap = async () => {
    const { historyDays, historyShoppers } = config.recommendations;
    if (config.demo.items === 0 || historyDays === 0 || config.bus.kind === 'real') return;
    if ((await deps.store.currentVersion()) !== null) return;
    // The marker goes first: a start stopped halfway trains on what it published, and never publishes it twice.
    if (!fs.existsSync(marker)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(marker, JSON.stringify({ at: new Date(deps.clock()).toISOString() }));
      const ids = await accounts();
      const items = [...demoItems({ seed: config.demo.seed, count: config.demo.items })];
      const history = await publishHistory(
        deps.events,
        items,
        {
          seed: config.demo.seed,
          shoppers: historyShoppers,
          days: historyDays,
          end: deps.clock(),
          userIdOf: (n) => ids[n] ?? `sim-${config.demo.seed}-${n}`,
        },
        undefined,
        stop.signal,
      );
      fs.writeFileSync(marker, JSON.stringify({ ...history, accounts: ids, at: new Date(deps.clock()).toISOString() }));
      logger.info(
        { events: history.events, shoppers: history.shoppers, days: history.days },
        `simulated history published; sign in as taste.${config.demo.seed}.0@demo.emporium.example (password ${DEMO_PASSWORD}) to see a shopper's recommendations`,
      );
    }
    if (!stop.signal.aborted) await train('first start');
  };

  return {
    bootstrapped: () => running,
    start() {
      // In the background: the shop answers (with popular items as back-fill) while the history trains.
      running = bootstrap().catch((error: unknown) => logger.error({ err: error }, 'recommendations bootstrap failed'));
      if (config.recommendations.trainEveryMs > 0)
        deps.jobs.every('recommendations-training', config.recommendations.trainEveryMs, async () => {
          await running;
          running = train('scheduled').catch((error: unknown) =>
            logger.error({ err: error }, 'scheduled recommendations training failed'),
          );
          await running;
        });
      return Promise.resolve();
    },
    async close() {
      stop.abort();
      await running;
    },
  };
}
