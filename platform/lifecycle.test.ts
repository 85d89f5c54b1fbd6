import { describe, expect, it } from 'vitest';
import { startAll, type Lifecycle } from './lifecycle.ts';

function part(name: string, log: string[], failOnStart = false): Lifecycle {
  return {
    start: () =>
      failOnStart ? Promise.reject(new Error(`${name} down`)) : (log.push(`start ${name}`), Promise.resolve()),
    close: () => (log.push(`close ${name}`), Promise.resolve()),
  };
}

describe('startAll', () => {
  it('closes in reverse order of starting', async () => {
    const log: string[] = [];
    const close = await startAll([part('db', log), part('bus', log), part('http', log)]);
    await close();
    expect(log).toEqual(['start db', 'start bus', 'start http', 'close http', 'close bus', 'close db']);
  });

  it('closes what had started when a later part fails to start', async () => {
    const log: string[] = [];
    await expect(startAll([part('db', log), part('bus', log), part('http', log, true)])).rejects.toThrow('http down');
    expect(log).toEqual(['start db', 'start bus', 'close bus', 'close db']);
  });
});
