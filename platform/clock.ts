// Time and ids are injected so expiry, windows and caches are tested with a fake clock, never with sleeps.
import { v7 as uuidv7 } from 'uuid';

/** Milliseconds since the epoch. */
export type Clock = () => number;
export type NewId = () => string;

export const systemClock: Clock = () => Date.now();
/**
 * Time-ordered (UUIDv7): ids made one after another sort together, so a table keyed by them grows at
 * its end instead of touching a random page of its index on every insert (orders, payments, events).
 */
export const newUuid: NewId = () => uuidv7();

/** A clock that moves only when told to. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  const clock: Clock & { advance(ms: number): void; set(ms: number): void } = Object.assign(() => now, {
    advance: (ms: number) => void (now += ms),
    set: (ms: number) => void (now = ms),
  });
  return clock;
}
