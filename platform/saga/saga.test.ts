import { describe, expect, it } from 'vitest';
import { runSaga, step } from './saga.ts';

describe('runSaga', () => {
  const journal = () => {
    const log: string[] = [];
    const make = (id: string, fail = false) =>
      step<unknown, string>(
        id,
        () => {
          if (fail) return Promise.reject(new Error(`${id} broke`));
          log.push(`do ${id}`);
          return Promise.resolve(`undo-data-${id}`);
        },
        (undo) => {
          log.push(`undo ${id} with ${undo}`);
          return Promise.resolve();
        },
      );
    return { log, make };
  };

  it('runs every step in order when none fails, and undoes nothing', async () => {
    const { log, make } = journal();
    await runSaga([make('a'), make('b')], {}, () => undefined);
    expect(log).toEqual(['do a', 'do b']);
  });

  it('undoes the finished steps last first, each with its own undo data, and rethrows the failure', async () => {
    const { log, make } = journal();
    await expect(runSaga([make('a'), make('b'), make('c', true)], {}, () => undefined)).rejects.toThrow('c broke');
    expect(log).toEqual(['do a', 'do b', 'undo b with undo-data-b', 'undo a with undo-data-a']);
  });

  it('keeps compensating when one compensation fails, and reports it', async () => {
    const { log, make } = journal();
    const broken = step<unknown, void>(
      'broken',
      () => Promise.resolve(),
      () => Promise.reject(new Error('undo broke')),
    );
    const reported: string[] = [];
    await expect(runSaga([make('a'), broken, make('c', true)], {}, (id) => reported.push(id))).rejects.toThrow(
      'c broke',
    );
    expect(reported).toEqual(['broken']);
    expect(log).toEqual(['do a', 'undo a with undo-data-a']);
  });
});
