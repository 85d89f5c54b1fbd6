// Reads the reports API's server-sent events as whole reports, one by one, as they come.
import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { MergedReport } from '../../reports/merge-snapshots.ts';

export interface StreamedReport {
  /** The report's id: the event id a reconnect resumes after. */
  id: number;
  report: MergedReport;
}

/** Each `report` event of a text/event-stream response until it ends or `signal` aborts. */
export async function* reportEvents(response: Response, signal?: AbortSignal): AsyncGenerator<StreamedReport> {
  if (!response.body) return;
  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.event === 'report' && value.id)
        yield { id: Number(value.id), report: JSON.parse(value.data) as MergedReport };
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel();
  }
}
