// A consumer as a part of the running shop: subscribes when the shop starts, stops when it closes, and
// logs (rather than crashes the process) when its handler gives up.
import type { TopicName } from '../../schemas/topics.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Logger } from '../logger.ts';
import type { ConsumeOptions, Events } from './events.ts';

export function consumer<T extends TopicName>(
  events: Events,
  logger: Logger,
  options: Omit<ConsumeOptions<T>, 'onError'>,
): Lifecycle {
  let subscription: { stop(): Promise<void> } | undefined;
  return {
    async start() {
      subscription = await events.consume({
        ...options,
        onError: (error) =>
          logger.error({ err: error, groupId: options.groupId, topics: options.topics }, 'consumer stopped'),
      });
    },
    async close() {
      await subscription?.stop();
      subscription = undefined;
    },
  };
}
