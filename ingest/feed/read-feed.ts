// Reads a supplier feed file (CSV or JSON lines) record by record, never holding the whole file.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import type { IncomingRecord } from '../inbound.ts';

export type FeedFormat = 'csv' | 'jsonl';

export function feedFormat(file: string): FeedFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return undefined;
}

/** Records with their line numbers; `bytes` is how far into the file reading has got, for progress. */
export async function* readFeed(
  file: string,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<IncomingRecord> {
  const format = feedFormat(file);
  if (!format) throw new Error(`${file}: unknown feed format (use .csv, .jsonl or .ndjson)`);
  const name = path.basename(file);
  const input = fs.createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => onBytes((bytes += chunk.length)));
  yield* format === 'csv' ? readCsv(input, name) : readJsonLines(input, name);
}

async function* readJsonLines(input: fs.ReadStream, name: string): AsyncGenerator<IncomingRecord> {
  let line = 0;
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const location = `${name}:${line}`;
    try {
      yield { location, raw: text, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield {
        location,
        raw: text,
        value: undefined,
        parseErrors: [{ field: 'record', message: `not valid JSON: ${(error as Error).message}` }],
      };
    }
  }
}

/**
 * CSV with a header row: the item fields by name and one `attr.<name>` column per attribute, so a feed
 * can be kept in a spreadsheet. Empty cells mean "not given".
 */
async function* readCsv(input: fs.ReadStream, name: string): AsyncGenerator<IncomingRecord> {
  const parser = input.pipe(
    parse({ columns: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  for await (const row of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
    raw: string;
  }>) {
    yield { location: `${name}:${row.info.lines}`, raw: row.raw.trimEnd(), value: fromCsvRow(row.record) };
  }
}

function fromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    if (column.startsWith('attr.')) attributes[column.slice(5)] = cell;
    // A number-looking price becomes a number, so "29.99" is refused as not whole cents rather than as text.
    else if (column === 'priceMinor' && /^-?\d+(\.\d+)?$/.test(cell)) record.priceMinor = Number(cell);
    else record[column] = cell;
  }
  record.attributes = attributes;
  return record;
}
