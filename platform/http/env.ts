// The typed context every route sees: the request id and its logger, and the signed-in shopper when there is one.
import type { Logger } from '../logger.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Set by the auth middleware of routes that act for a shopper. */
    userId: string;
  };
}
