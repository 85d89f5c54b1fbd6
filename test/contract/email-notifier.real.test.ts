// The email notifier against a real SMTP server (Debian's aiosmtpd, started by infra/local): the message arrives once, as text and HTML.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmailNotifier } from '../../serving/orders/notifications/email-notifier.ts';
import type { Notification } from '../../serving/orders/notifications/notifier.ts';
import { ReliableNotifier } from '../../serving/orders/notifications/reliable-notifier.ts';
import { realEnv } from '../support/namespace.ts';
import { waitFor } from '../support/wait-for.ts';

// infra/local/env.sh leaves EMPORIUM_SMTP_URL unset, so the shop's real-server runs keep writing the
// notification file the clean-run test reads; this suite talks to the server infra/local starts.
const { email } = loadConfig({
  ...realEnv(),
  EMPORIUM_SMTP_URL: realEnv().EMPORIUM_SMTP_URL ?? 'smtp://127.0.0.1:2525',
}).notifications;
if (email.kind !== 'real') throw new Error('no SMTP server configured');
/** Where infra/local/servers/smtp.sh has the server deliver. */
const maildir = path.resolve(import.meta.dirname, '../../infra/local/run/smtp/maildir/new');

const notifier = new ReliableNotifier(new EmailNotifier(email), { logger: silentLogger });
beforeAll(() => notifier.start());
afterAll(() => notifier.close());

/** Every delivered message that carries the event id. */
const delivered = (eventId: string) =>
  (fs.existsSync(maildir) ? fs.readdirSync(maildir) : [])
    .map((file) => fs.readFileSync(path.join(maildir, file), 'utf8'))
    .filter((raw) => raw.includes(`X-Emporium-Event: ${eventId}`));

it('delivers a shipped-order email to the SMTP server once, as plain text and HTML, however often it is sent', async () => {
  const run = randomUUID().slice(0, 8);
  const notification: Notification = {
    eventId: `evt-${run}:shopper:ann:email`,
    recipient: { kind: 'shopper', userId: 'ann' },
    channel: 'email',
    to: `ann-${run}@example.com`,
    template: 'order_shipped',
    params: { orderId: `o-${run}`, carrier: 'UPS', trackingId: '1Z999AA1' },
    at: Date.now(),
  };
  await notifier.send(notification);
  await notifier.send(notification);
  await waitFor('the email in the maildir', () => delivered(notification.eventId).length > 0, 10_000);
  const [raw, ...more] = delivered(notification.eventId);
  expect(more).toEqual([]);
  expect(raw).toContain(`To: ann-${run}@example.com`);
  expect(raw).toContain(`Subject: Order o-${run} is on its way`);
  expect(raw).toMatch(/Content-Type: text\/plain/);
  expect(raw).toMatch(/Content-Type: text\/html/);
  expect(raw).toContain(`Order o-${run} left with UPS; its tracking number is 1Z999AA1.`);
});
