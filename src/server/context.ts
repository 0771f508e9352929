import type { Config } from './config';
import type { Db } from './db/database';
import type { Auth } from './features/auth/auth.config';
import type { Actor } from './features/auth/auth.actor';

/** What every feature's routes reach through `app.ctx`. */
export type AppContext = {
  config: Config;
  db: Db;
  auth: Auth;
  /** Wakes the mail worker after a commit that queued mail. */
  pokeMail: () => void;
};

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** The signed-in person, when the request carries a valid session. */
    actor?: Actor;
    sessionId?: string;
  }
}
