// Progress bars for long work (seeding, ingest, batch jobs) through cli-progress, on stderr so stdout stays data.
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  /** Sets the total once it is known (a file's size, a row count). */
  setTotal(total: number): void;
  /** `note` (a loss, a rate) is shown after the bar until the next one. */
  increment(by?: number, note?: string): void;
  stop(): void;
}

/** A bar when stderr is a terminal; otherwise a plain line every 10% so CI logs stay readable. */
export function progressBar(label: string, total = 0): Progress {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(22)} {bar} {percentage}% | {value}/{total} | {eta_formatted} left{note}`,
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
  if (tty) bar.start(max, 0, { note: '' });
  return {
    setTotal(next) {
      max = next;
      if (tty) bar.setTotal(next);
    },
    increment(by = 1, note) {
      value += by;
      if (tty) return bar.increment(by, { note: note ? ` | ${note}` : '' });
      const decile = max > 0 ? Math.floor((value / max) * 10) : -1;
      if (decile > lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label}: ${value}/${max}${note ? ` ${note}` : ''}\n`);
      }
    },
    stop() {
      if (tty) bar.stop();
    },
  };
}

/** For callers that report progress only when asked: tests and library use. */
export const noProgress: Progress = { setTotal: () => {}, increment: () => {}, stop: () => {} };
