// The email adapter: each notification as one message over SMTP (nodemailer), plain text and HTML alternatives.
import type { Transporter } from 'nodemailer';
import type { Notification, Notifier } from './notifier.ts';
import { renderEmail } from './templates.ts';

export class EmailNotifier implements Notifier {
  private transport: Transporter | undefined;

  constructor(private readonly options: { url: string; from: string }) {}

  /** Imports nodemailer only here, so a shop without SMTP never loads it; the connection opens on the first send. */
  async start(): Promise<void> {
    const nodemailer = (await import('nodemailer')).default;
    this.transport = nodemailer.createTransport(this.options.url);
  }

  close(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
    return Promise.resolve();
  }

  /** Resolves once the server accepted the message; a refusal or a dropped connection rejects. */
  async send(notification: Notification): Promise<void> {
    if (!this.transport) throw new Error('the email notifier is not started');
    if (!notification.to) throw new Error(`no email address for ${notification.eventId}`);
    const { subject, text, html } = renderEmail(notification.template, notification.params);
    await this.transport.sendMail({
      from: this.options.from,
      to: notification.to,
      subject,
      text,
      html,
      // The event id travels with the message, so a duplicate can be told apart downstream.
      messageId: `<${notification.eventId}@emporium>`,
      headers: { 'X-Emporium-Event': notification.eventId },
    });
  }
}
