import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { now } from '../../db/columns';
import { AppError } from '../../lib/errors';

export type ThrottleRule = { limit: number; windowSeconds: number; blockSeconds: number };

/** Failed sign-ins: 5 per account or 30 per IP in 15 minutes block for 15 minutes. */
export const signInRules = {
  account: { limit: 5, windowSeconds: 900, blockSeconds: 900 },
  ip: { limit: 30, windowSeconds: 900, blockSeconds: 900 },
} satisfies Record<string, ThrottleRule>;

const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** Throws 429 with Retry-After when any of the keys is blocked. */
export async function assertNotThrottled(db: Db, keys: string[]): Promise<void> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('key', 'in', keys)
    .where('blocked_until', '>', now())
    .execute();
  if (rows.length === 0) return;
  const until = Math.max(...rows.map((r) => new Date(r.blocked_until!).getTime()));
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  throw new AppError('too_many_requests', 'errors.tooManyRequests', {
    params: { minutes: Math.ceil(seconds / 60) },
    headers: { 'retry-after': String(seconds) },
  });
}

/** Counts one attempt against a key; the key is blocked once the rule's limit is reached. */
export async function recordAttempt(db: Db, key: string, rule: ThrottleRule): Promise<void> {
  const at = now();
  const windowStart = new Date(Date.now() - rule.windowSeconds * 1000).toISOString();
  await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: at, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // An expired window starts counting again from one.
        failures: sql`case when login_throttle.window_started_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when login_throttle.window_started_at < ${windowStart} then ${at} else login_throttle.window_started_at end`,
      }),
    )
    .execute();
  await db
    .updateTable('login_throttle')
    .set({ blocked_until: secondsFromNow(rule.blockSeconds), failures: 0, window_started_at: at })
    .where('key', '=', key)
    .where('failures', '>=', rule.limit)
    .execute();
}

/** Forgets a key's failures, e.g. after a successful sign-in. */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).where('blocked_until', 'is', null).execute();
}
