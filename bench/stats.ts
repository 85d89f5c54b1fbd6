// Shared figures for benches: percentiles, rates and peak memory, printed the same way everywhere.

/** The value at quantile q (0..1) of unsorted samples. */
export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function summarize(samplesMs: number[]): { p50: string; p99: string; max: string } {
  const f = (v: number) => `${v.toFixed(3)} ms`;
  return { p50: f(percentile(samplesMs, 0.5)), p99: f(percentile(samplesMs, 0.99)), max: f(Math.max(...samplesMs)) };
}

export const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Samples resident memory every few milliseconds; stop() returns the peak seen. */
export function trackPeakMemory(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
