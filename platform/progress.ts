// Progress bars for long work (seeding, ingest, batch jobs) through cli-progress, on stderr so stdout stays data.
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  /** Sets the total once it is known (a file's size, a row count). */
  setTotal(total: number): void;
  increment(by?: number): void;
  stop(): void;
}

/** A bar when stderr is a terminal; otherwise a plain line every 10% so CI logs stay readable. */
export function progressBar(label: string, total = 0): Progress {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(22)} {bar} {percentage}% | {value}/{total} | {eta_formatted} left`,
      noTTYOutput: false,
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  const tty = process.stderr.isTTY;
  let value = 0;
  let max = total;
  let lastDecile = -1;
  if (tty) bar.start(max, 0);
  return {
    setTotal(next) {
      max = next;
      if (tty) bar.setTotal(next);
    },
    increment(by = 1) {
      value += by;
      if (tty) return bar.increment(by);
      const decile = max > 0 ? Math.floor((value / max) * 10) : -1;
      if (decile > lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label}: ${value}/${max}\n`);
      }
    },
    stop() {
      if (tty) bar.stop();
    },
  };
}

/** For callers that report progress only when asked: tests and library use. */
export const noProgress: Progress = { setTotal: () => {}, increment: () => {}, stop: () => {} };
