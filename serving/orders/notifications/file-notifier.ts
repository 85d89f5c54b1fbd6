// The embedded notifier: appends each notification as a JSON line to a file in the data folder, for the
// developer to read (`tail -f data/notifications.jsonl`). One process per file.
import fs from 'node:fs';
import path from 'node:path';
import type { Notification, Notifier } from './notifier.ts';

export class FileNotifier implements Notifier {
  private readonly sent = new Set<string>();

  constructor(private readonly file: string) {}

  /** Remembers what the file already holds, so a redelivered event is not announced twice. */
  start(): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (fs.existsSync(this.file)) {
      for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) if (line) this.sent.add((JSON.parse(line) as Notification).eventId);
    }
    return Promise.resolve();
  }

  close = () => Promise.resolve();

  async send(notification: Notification): Promise<void> {
    if (this.sent.has(notification.eventId)) return;
    await fs.promises.appendFile(this.file, `${JSON.stringify(notification)}\n`);
    this.sent.add(notification.eventId);
  }
}
