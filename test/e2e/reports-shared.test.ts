// Shared live reports on the embedded bus: two re-key stages and two members, merged to the recount of the facts.
import { describe, it } from 'vitest';
import { openTestEvents } from '../support/events.ts';
import { runSharedReports } from '../support/shared-reports.ts';

describe('shared live reports', () => {
  it('merge two members to the recount of the re-keyed facts, and a member resumes from its checkpoint', async () => {
    const t = await openTestEvents();
    // One process: the instances share its bus (its consumer groups are in-process).
    await runSharedReports({
      producer: t.events,
      openInstance: () => Promise.resolve({ events: t.events, close: () => Promise.resolve() }),
      start: Date.UTC(2026, 11, 2, 9),
      count: 1500,
      timeoutMs: 30_000,
    });
    await t.close();
  }, 120_000);
});
