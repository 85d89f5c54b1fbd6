// Runs the job queue contract against the in-process timer queue.
import { systemClock } from '../../platform/clock.ts';
import { TimerQueue } from '../../platform/jobs/timer-queue.ts';
import { jobQueueContract } from './job-queue.contract.ts';

jobQueueContract('in-process timers', async () => {
  const jobs = new TimerQueue({
    clock: systemClock,
    onError: (queue, jobId, error) => console.error(queue, jobId, error),
  });
  await jobs.start();
  return jobs;
});
