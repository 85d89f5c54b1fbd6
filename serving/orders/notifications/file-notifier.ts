// The embedded notifier: appends each notification as a JSON line to a file in the data folder, for the
// developer to read (`tail -F data/notifications.jsonl`). Past `rotateBytes` the file moves to
// `<file>.1` (replacing the one before) and a new one starts, so a long-running shop keeps at most two.
// One process per file.
import fs from 'node:fs';
import path from 'node:path';
import type { Notification, Notifier } from './notifier.ts';

export class FileNotifier implements Notifier {
  /** Ids of the newest notifications written, oldest first. */
  private readonly sent = new Set<string>();
  private out: fs.WriteStream | undefined;
  /** Bytes in the current file. */
  private size = 0;

  /**
   * Redelivery after a crash repeats at most the batches a consumer had not committed (a thousand events
   * per partition), so the newest `remember` ids are all deduplication needs; keeping every id ever sent
   * grew the shop by about 100 bytes per notification.
   */
  constructor(
    private readonly file: string,
    private readonly remember = 100_000,
    private readonly rotateBytes = 32 * 1024 * 1024,
  ) {}

  /** Remembers what the files already hold (the rotated one first), so a redelivered event is not announced twice. */
  start(): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    for (const file of [this.rotated(), this.file]) {
      if (!fs.existsSync(file)) continue;
      for (const line of fs.readFileSync(file, 'utf8').split('\n'))
        if (line) this.note((JSON.parse(line) as Notification).eventId);
    }
    this.open();
    return Promise.resolve();
  }

  async close(): Promise<void> {
    const out = this.out;
    this.out = undefined;
    await new Promise<void>((resolve) => (out ? out.end(resolve) : resolve()));
  }

  /** Called one at a time (the notifications consumer awaits each). */
  async send(notification: Notification): Promise<void> {
    if (this.sent.has(notification.eventId)) return;
    if (!this.out) throw new Error('the notifier is not started');
    if (this.size >= this.rotateBytes) await this.rotate();
    const out = this.out;
    const line = `${JSON.stringify(notification)}\n`;
    // Resolves once the line is handed to the file, so the consumer commits only what was written.
    await new Promise<void>((resolve, reject) => out.write(line, (error) => (error ? reject(error) : resolve())));
    this.size += Buffer.byteLength(line);
    this.note(notification.eventId);
  }

  private open(): void {
    this.size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
    // One open file for the process: reopening it per notification cost three system calls each.
    this.out = fs.createWriteStream(this.file, { flags: 'a' });
  }

  /** A failed move leaves the full file open, so each later send names the failure again rather than "not started". */
  private async rotate(): Promise<void> {
    await this.close();
    try {
      fs.renameSync(this.file, this.rotated());
    } finally {
      this.open();
    }
  }

  private rotated(): string {
    return `${this.file}.1`;
  }

  private note(eventId: string): void {
    this.sent.add(eventId);
    if (this.sent.size > this.remember) this.sent.delete(this.sent.values().next().value!);
  }
}
