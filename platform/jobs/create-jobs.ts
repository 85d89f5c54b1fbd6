// Picks the job queue: BullMQ when Redis is configured, timers in this process otherwise.
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { BullmqQueue } from './bullmq-queue.ts';
import type { JobQueue } from './job-queue.ts';
import { TimerQueue } from './timer-queue.ts';

export function createJobs(config: Config, deps: { clock: Clock; logger: Logger }): JobQueue {
  const onError = (queue: string, jobId: string, error: unknown) =>
    deps.logger.error({ err: error, queue, jobId }, 'job failed');
  return config.redis.kind === 'real'
    ? new BullmqQueue({ url: config.redis.url, prefix: config.redis.keyPrefix, clock: deps.clock, onError })
    : new TimerQueue({ clock: deps.clock, onError });
}
