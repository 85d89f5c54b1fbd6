// Runs the job queue contract against BullMQ on the Redis server named by EMPORIUM_REDIS_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { BullmqQueue } from '../../platform/jobs/bullmq-queue.ts';
import { jobQueueContract } from './job-queue.contract.ts';

const config = loadConfig();
if (config.redis.kind !== 'real') throw new Error('EMPORIUM_REDIS_URL must name the Redis server for the real suite');
const { url } = config.redis;

jobQueueContract('bullmq', async () => {
  const jobs = new BullmqQueue({ url, prefix: `emporium-test-${randomUUID().slice(0, 8)}`, clock: systemClock, onError: (queue, jobId, error) => console.error(queue, jobId, error) });
  await jobs.start();
  return jobs;
});
