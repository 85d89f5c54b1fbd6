// The job queue contract: a job runs at its time, once per id, not at all once cancelled, and jobs due
// before their handler exists run when it arrives. Real time (short delays): the queue's timing is
// what is under test.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { waitFor } from '../support/wait-for.ts';

export function jobQueueContract(name: string, open: () => Promise<JobQueue>) {
  describe(`job queue contract: ${name}`, () => {
    let jobs: JobQueue | undefined;
    const queue = () => `q-${randomUUID().slice(0, 8)}`;
    /** The ids of the jobs of `q` run so far, in the order they ran. */
    const handled = (queue: JobQueue, q: string) => {
      const ran: string[] = [];
      queue.handle(q, (jobId) => {
        ran.push(jobId);
        return Promise.resolve();
      });
      return ran;
    };
    afterEach(async () => {
      await jobs?.close();
    });

    it('runs a job at or after its time with its data, once however often it was scheduled', async () => {
      jobs = await open();
      const q = queue();
      const ran: { jobId: string; at: number; data: Record<string, string> }[] = [];
      jobs.handle(q, (jobId, data) => {
        ran.push({ jobId, at: Date.now(), data });
        return Promise.resolve();
      });
      const runAt = Date.now() + 300;
      await jobs.schedule(q, 'order-1', { orderId: 'order-1' }, runAt);
      await jobs.schedule(q, 'order-1', { orderId: 'order-1' }, runAt);
      await waitFor('the job', () => ran.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ran).toHaveLength(1);
      expect(ran[0]).toMatchObject({ jobId: 'order-1', data: { orderId: 'order-1' } });
      // Timers may fire a hair early by the wall clock; never meaningfully so.
      expect(ran[0]!.at).toBeGreaterThanOrEqual(runAt - 20);
    });

    it('never runs a cancelled job', async () => {
      jobs = await open();
      const q = queue();
      const ran = handled(jobs, q);
      await jobs.schedule(q, 'keep', {}, Date.now() + 200);
      await jobs.schedule(q, 'drop', {}, Date.now() + 200);
      await jobs.cancel(q, 'drop');
      await waitFor('the kept job', () => ran.includes('keep'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ran).toEqual(['keep']);
    });

    it('counts the jobs waiting for their time: scheduled once per id, less the cancelled, less the run', async () => {
      jobs = await open();
      const q = queue();
      const ran = handled(jobs, q);
      for (const id of ['a', 'b', 'c', 'a']) await jobs.schedule(q, id, {}, Date.now() + 60_000);
      await jobs.schedule(q, 'soon', {}, Date.now() + 100);
      await jobs.cancel(q, 'b');
      expect(await jobs.pending(q)).toBe(3);
      await waitFor('the job due soon', () => ran.includes('soon'));
      await waitFor('the count to drop', async () => (await jobs!.pending(q)) === 2);
      expect(await jobs.pending(queue())).toBe(0);
    });

    it('runs a repeated job every period under one schedule however often it is registered, each run named apart', async () => {
      jobs = await open();
      const q = queue();
      const ran = handled(jobs, q);
      for (let i = 0; i < 3; i++) await jobs.repeat(q, 250);
      await waitFor('three runs', () => ran.length >= 3, 5000);
      const started = ran.length;
      await new Promise((resolve) => setTimeout(resolve, 600));
      // One schedule: about two more runs in 600 ms, where three schedules would make six or more.
      expect(ran.length - started).toBeLessThanOrEqual(4);
      expect(new Set(ran).size).toBe(ran.length);
    });

    it('runs a job that came due before its handler was registered', async () => {
      jobs = await open();
      const q = queue();
      await jobs.schedule(q, 'early', {}, Date.now());
      await new Promise((resolve) => setTimeout(resolve, 100));
      const ran = handled(jobs, q);
      await waitFor('the early job', () => ran.includes('early'));
    });
  });
}
