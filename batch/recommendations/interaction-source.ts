// Where training reads shoppers' signals from: the embedded event log (event-log-source.ts) or the lake's
// Parquet files through DuckDB (app/recommendations-source.ts); each hands over the same typed events.
import type { SignalEvent } from './signals.ts';

export interface InteractionSource {
  /**
   * Every signal event that occurred at or after `since` (ms since the epoch; null: all), each once
   * (redeliveries dropped by eventId), in no particular order.
   */
  readSignalEvents(since: number | null): Promise<SignalEvent[]>;
}
