// Where training reads shoppers' signals: the lake's Parquet files (through DuckDB) or the embedded event
// log. Here, in the composition root, because the lake's reader is a stream module and training a batch one.
import { embeddedEventLogSource } from '../batch/recommendations/event-log-source.ts';
import type { InteractionSource } from '../batch/recommendations/interaction-source.ts';
import { SIGNAL_TOPICS, SIGNAL_TYPES } from '../batch/recommendations/signals.ts';
import type { Config } from '../platform/config.ts';
import { readLakeEvents } from '../stream/lake/lake-events.ts';
import { LakeQuery } from '../stream/lake/lake-query.ts';

export type SourceName = 'lake' | 'log';

/** The signal events in the lake under `lakeDir`, each read opening DuckDB and closing it after. */
export function lakeSource(lakeDir: string): InteractionSource {
  return {
    async readSignalEvents(since) {
      const lake = await LakeQuery.open(lakeDir);
      try {
        return await readLakeEvents(lake, SIGNAL_TOPICS, SIGNAL_TYPES, since);
      } finally {
        lake.close();
      }
    },
  };
}

/**
 * The source `from` names; by default the lake when the bus is Kafka (whose retention deletes old
 * signals, while the lake keeps EMPORIUM_LAKE_RETENTION_DAYS), else the embedded log, which holds every
 * event and is current: the lake trails it by a flush, so a first start training straight after
 * publishing its simulated history would miss most of it there.
 */
export function interactionSource(config: Config, from?: SourceName): { name: SourceName; source: InteractionSource } {
  const name = from ?? (config.bus.kind === 'real' ? 'lake' : 'log');
  if (name === 'log' && config.bus.kind === 'real')
    throw new Error('the event log is the embedded bus; with EMPORIUM_KAFKA_BROKERS set, train from the lake');
  return { name, source: name === 'lake' ? lakeSource(config.lakeDir) : embeddedEventLogSource(config) };
}
