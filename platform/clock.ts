// Time and ids are injected so expiry, windows and caches are tested with a fake clock, never with sleeps.
import { randomUUID } from 'node:crypto';

/** Milliseconds since the epoch. */
export type Clock = () => number;
export type NewId = () => string;

export const systemClock: Clock = () => Date.now();
export const newUuid: NewId = () => randomUUID();

/** A clock that moves only when told to. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  const clock: Clock & { advance(ms: number): void; set(ms: number): void } = Object.assign(() => now, {
    advance: (ms: number) => void (now += ms),
    set: (ms: number) => void (now = ms),
  });
  return clock;
}
