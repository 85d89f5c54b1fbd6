// Wires the event lake: the writer consuming every topic into Parquet, and hourly compaction with daily retention.
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { DomainError } from '../platform/errors.ts';
import type { Events } from '../platform/events/events.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { Logger } from '../platform/logger.ts';
import { compactLake } from '../stream/lake/compactor.ts';
import { LakeWriter } from '../stream/lake/lake-writer.ts';
import { pruneLake } from '../stream/lake/retention.ts';

const HOUR = 3_600_000;

export function createLake(config: Config, deps: { events: Events; logger: Logger; clock: Clock }) {
  const logger = deps.logger.child({ component: 'lake' });
  const writer = new LakeWriter({
    lakeDir: config.lakeDir,
    events: deps.events,
    logger,
    clock: deps.clock,
    flushMs: config.lake.flushMs,
  });
  return { writer, parts: [writer, maintenance(config, logger, deps.clock)] };
}

/** Compacts every hour and prunes once a day; a CLI run holding the lake's lock meanwhile is left to it. */
function maintenance(config: Config, logger: Logger, clock: Clock): Lifecycle {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let prunedAt = -Infinity;
  const run = async () => {
    try {
      const compacted = await compactLake(config.lakeDir, { now: clock });
      if (compacted.merged) logger.info(compacted, 'lake compacted');
      if (clock() - prunedAt >= 24 * HOUR) {
        const pruned = await pruneLake(config.lakeDir, config.lake.retentionDays, clock());
        prunedAt = clock();
        if (pruned.files) logger.info(pruned, 'lake pruned');
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') logger.info(error.message);
      else logger.error({ err: error }, 'lake maintenance failed; trying again in an hour');
    }
  };
  return {
    start() {
      timer = setInterval(() => void (running = running.then(run)), HOUR);
      timer.unref();
      return Promise.resolve();
    },
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
