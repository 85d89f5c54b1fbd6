// The SMS adapter: each notification as one message through an HTTP provider's API, in the shape of Twilio's Messages resource.
import type { Notification, Notifier } from './notifier.ts';
import { renderSms } from './templates.ts';

export interface SmsOptions {
  /** The Messages endpoint, e.g. https://api.twilio.com/2010-04-01/Accounts/<sid>/Messages.json. */
  url: string;
  /** Basic-auth user and secret (Twilio: the account sid and its auth token). */
  user: string;
  secret: string;
  from: string;
  /** Injected for the recorded-request test; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export class SmsNotifier implements Notifier {
  constructor(private readonly options: SmsOptions) {}

  start = () => Promise.resolve();
  close = () => Promise.resolve();

  /** Resolves once the provider accepted the message (2xx); anything else rejects, naming the status. */
  async send(notification: Notification): Promise<void> {
    if (!notification.to) throw new Error(`no phone number for ${notification.eventId}`);
    const auth = Buffer.from(`${this.options.user}:${this.options.secret}`).toString('base64');
    const res = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${auth}`,
        'content-type': 'application/x-www-form-urlencoded',
        // Providers that take an idempotency key send a retried request once.
        'i-twilio-idempotency-token': notification.eventId,
      },
      body: new URLSearchParams({
        To: notification.to,
        From: this.options.from,
        Body: renderSms(notification.template, notification.params),
      }).toString(),
    });
    if (!res.ok) throw new Error(`the SMS provider answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
}
