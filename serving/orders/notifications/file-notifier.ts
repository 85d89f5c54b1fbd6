// The embedded notifier: appends each notification as a JSON line to a file in the data folder, for the
// developer to read (`tail -f data/notifications.jsonl`). One process per file.
import fs from 'node:fs';
import path from 'node:path';
import type { Notification, Notifier } from './notifier.ts';

export class FileNotifier implements Notifier {
  /** Ids of the newest notifications written, oldest first. */
  private readonly sent = new Set<string>();
  private out: fs.WriteStream | undefined;

  /**
   * Redelivery after a crash repeats at most the batches a consumer had not committed (a thousand events
   * per partition), so the newest `remember` ids are all deduplication needs; keeping every id ever sent
   * grew the shop by about 100 bytes per notification.
   */
  constructor(
    private readonly file: string,
    private readonly remember = 100_000,
  ) {}

  /** Remembers what the file already holds, so a redelivered event is not announced twice. */
  start(): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (fs.existsSync(this.file)) {
      for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) if (line) this.note((JSON.parse(line) as Notification).eventId);
    }
    // One open file for the process: reopening it per notification cost three system calls each.
    this.out = fs.createWriteStream(this.file, { flags: 'a' });
    return Promise.resolve();
  }

  close(): Promise<void> {
    const out = this.out;
    this.out = undefined;
    return new Promise((resolve) => (out ? out.end(resolve) : resolve()));
  }

  async send(notification: Notification): Promise<void> {
    if (this.sent.has(notification.eventId)) return;
    const out = this.out;
    if (!out) throw new Error('the notifier is not started');
    // Resolves once the line is handed to the file, so the consumer commits only what was written.
    await new Promise<void>((resolve, reject) => out.write(`${JSON.stringify(notification)}\n`, (error) => (error ? reject(error) : resolve())));
    this.note(notification.eventId);
  }

  private note(eventId: string): void {
    this.sent.add(eventId);
    if (this.sent.size > this.remember) this.sent.delete(this.sent.values().next().value!);
  }
}
