// The typed context every route sees: the request id and its logger, and who is calling.
import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Set by the authenticator (anonymous when no credential came). */
    principal: Principal;
    /** The signed-in person's id, set by the authenticator beside `principal` for routes that act for them. */
    userId: string;
  };
}
