// Runs the job queue contract against BullMQ on the Redis server named by EMPORIUM_REDIS_URL (npm run test:real).
import { afterAll } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import { BullmqQueue } from '../../platform/jobs/bullmq-queue.ts';
import { testNamespace } from '../support/namespace.ts';
import { jobQueueContract } from './job-queue.contract.ts';

const ns = testNamespace('jobs');
afterAll(() => ns.drop());
const { redis } = ns.config;
if (redis.kind !== 'real') throw new Error('EMPORIUM_REDIS_URL must name the Redis server for the real suite');

jobQueueContract('bullmq', async () => {
  const jobs = new BullmqQueue({
    url: redis.url,
    prefix: redis.keyPrefix,
    clock: systemClock,
    onError: (queue, jobId, error) => console.error(queue, jobId, error),
  });
  await jobs.start();
  return jobs;
});
