// Ingests one feed file in batches: every line accepted or reported back with its reasons, with progress.
import fs from 'node:fs';
import path from 'node:path';
import { noProgress, type Progress } from '../../platform/progress.ts';
import type { IncomingRecord, Inbound } from '../inbound.ts';
import type { Reason } from '../../serving/catalog/validate-item.ts';
import { readFeed } from './read-feed.ts';

export interface FeedReport {
  file: string;
  accepted: number;
  rejected: number;
  /** Every refused line with its reasons, in file order. */
  rejections: { location: string; reasons: Reason[] }[];
}

const BATCH = 5000;

export async function ingestFile(file: string, inbound: Inbound, progress: Progress = noProgress): Promise<FeedReport> {
  const report: FeedReport = { file, accepted: 0, rejected: 0, rejections: [] };
  progress.setTotal(fs.statSync(file).size);
  let reported = 0;
  const submit = async (batch: IncomingRecord[]) => {
    for (const outcome of await inbound.submit(path.basename(file), batch)) {
      if (outcome.status === 'accepted') report.accepted++;
      else {
        report.rejected++;
        report.rejections.push({ location: outcome.location, reasons: outcome.reasons });
      }
    }
  };
  let batch: IncomingRecord[] = [];
  for await (const record of readFeed(file, (bytes) => {
    progress.increment(bytes - reported);
    reported = bytes;
  })) {
    batch.push(record);
    if (batch.length === BATCH) {
      await submit(batch);
      batch = [];
    }
  }
  if (batch.length) await submit(batch);
  progress.stop();
  return report;
}
