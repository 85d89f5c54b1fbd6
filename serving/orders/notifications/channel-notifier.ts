// Sends each notification through the provider of its channel (email, SMS); one with no address on its channel is dropped with a note in the log.
import type { Logger } from '../../../platform/logger.ts';
import type { Notification, Notifier } from './notifier.ts';

export class ChannelNotifier implements Notifier {
  constructor(
    private readonly providers: Partial<Record<Notification['channel'], Notifier>>,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    for (const provider of Object.values(this.providers)) await provider.start();
  }

  async close(): Promise<void> {
    for (const provider of Object.values(this.providers)) await provider.close();
  }

  async send(notification: Notification): Promise<void> {
    const provider = this.providers[notification.channel];
    if (!provider || notification.to === null) {
      this.logger.info(
        { eventId: notification.eventId, channel: notification.channel, recipient: notification.recipient },
        provider ? 'no address to notify' : 'no provider for the channel',
      );
      return;
    }
    await provider.send(notification);
  }
}
