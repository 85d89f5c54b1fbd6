// Structured JSON logs through pino: one line per event, machine-readable, cheap on the hot path.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'emporium', ...bindings } });
}

/** For tests and benches, where log lines are noise. */
export const silentLogger: Logger = pino({ level: 'silent' });
