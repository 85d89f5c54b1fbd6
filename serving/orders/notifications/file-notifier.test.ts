import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FileNotifier } from './file-notifier.ts';
import type { Notification } from './notifier.ts';

const placed = (n: number): Notification => ({
  eventId: `evt-${n}`,
  recipient: { kind: 'shopper', userId: 'ann' },
  channel: 'email',
  to: 'ann@example.com',
  template: 'order_placed',
  params: { orderId: `order-${n}` },
  at: n,
});
const linesOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as Notification).eventId);

it('writes each notification once across redeliveries and restarts, remembering only the newest ids', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-notify-')), 'notifications.jsonl');
  const first = new FileNotifier(file, 3);
  await first.start();
  for (let n = 1; n <= 5; n++) await first.send(placed(n));
  // A redelivered batch: the newest three are known and skipped.
  for (let n = 3; n <= 5; n++) await first.send(placed(n));
  await first.close();
  expect(linesOf(file)).toEqual(['evt-1', 'evt-2', 'evt-3', 'evt-4', 'evt-5']);

  const restarted = new FileNotifier(file, 3);
  await restarted.start();
  await restarted.send(placed(5));
  await restarted.send(placed(6));
  // Older than anything a redelivery can bring back: forgotten, so it would be written again.
  await restarted.send(placed(1));
  await restarted.close();
  expect(linesOf(file)).toEqual(['evt-1', 'evt-2', 'evt-3', 'evt-4', 'evt-5', 'evt-6', 'evt-1']);
});

it('moves a full file aside and starts a new one, still writing each notification once across a restart', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-notify-')), 'notifications.jsonl');
  // Three lines (about 170 bytes each) fill a 450-byte file.
  const notifier = new FileNotifier(file, 10, 450);
  await notifier.start();
  for (let n = 1; n <= 7; n++) await notifier.send(placed(n));
  await notifier.close();
  expect([linesOf(`${file}.1`), linesOf(file)]).toEqual([['evt-4', 'evt-5', 'evt-6'], ['evt-7']]);

  const restarted = new FileNotifier(file, 10, 450);
  await restarted.start();
  await restarted.send(placed(5));
  await restarted.send(placed(8));
  await restarted.close();
  expect([linesOf(`${file}.1`), linesOf(file)]).toEqual([
    ['evt-4', 'evt-5', 'evt-6'],
    ['evt-7', 'evt-8'],
  ]);
});

it('names a failed move aside on every send it fails, and moves aside once it can', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-notify-')), 'notifications.jsonl');
  const notifier = new FileNotifier(file, 10, 450);
  await notifier.start();
  for (let n = 1; n <= 3; n++) await notifier.send(placed(n));
  // A directory with something in it where the full file should move: the rename fails.
  fs.mkdirSync(`${file}.1`);
  fs.writeFileSync(`${file}.1/blocker`, '');
  await expect(notifier.send(placed(4))).rejects.toThrow(/rename/);
  await expect(notifier.send(placed(4))).rejects.toThrow(/rename/);
  fs.rmSync(`${file}.1`, { recursive: true });
  await notifier.send(placed(4));
  await notifier.close();
  expect([linesOf(`${file}.1`), linesOf(file)]).toEqual([['evt-1', 'evt-2', 'evt-3'], ['evt-4']]);
});
