import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { now } from '../../db/columns';
import { AppError } from '../../lib/errors';

export type ThrottleRule = { limit: number; windowSeconds: number; blockSeconds: number };

/** Sign-in attempts not forgiven: 5 per account or 30 per IP in 15 minutes block for 15 minutes. */
export const signInRules = {
  account: { limit: 5, windowSeconds: 900, blockSeconds: 900 },
  ip: { limit: 30, windowSeconds: 900, blockSeconds: 900 },
} satisfies Record<string, ThrottleRule>;

/**
 * Mails a visitor can have sent without signing in (reset links, the portal administrators' names):
 * 10 per IP in 15 minutes, and 3 per address an hour, whoever asks (an address whose owner is
 * asked about from many IPs is not flooded). The answer is the same whether or not the address exists.
 */
export const mailRules = {
  ip: { limit: 10, windowSeconds: 900, blockSeconds: 900 },
  address: { limit: 3, windowSeconds: 3600, blockSeconds: 3600 },
} satisfies Record<string, ThrottleRule>;

/** Counts a mail request of `kind` against the caller's IP and the address asked about; 429 past either limit. */
export async function recordMailRequest(db: Db, kind: string, ip: string, email: string): Promise<void> {
  const attempts = [
    { key: `${kind}:${ip}`, rule: mailRules.ip },
    { key: `${kind}:address:${email}`, rule: mailRules.address },
  ];
  await assertNotThrottled(db, attempts.map((a) => a.key));
  await recordAttempts(db, attempts);
}

const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** The 429 answer for a key blocked until `until` (ms since the epoch). */
function tooManyRequests(until: number): AppError {
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return new AppError('too_many_requests', 'errors.tooManyRequests', {
    params: { minutes: Math.ceil(seconds / 60), count: Math.ceil(seconds / 60) },
    headers: { 'retry-after': String(seconds) },
  });
}

/** Throws 429 with Retry-After when any of the keys is blocked; refuses a blocked key without a write. */
export async function assertNotThrottled(db: Db, keys: string[]): Promise<void> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('key', 'in', keys)
    .where('blocked_until', '>', now())
    .execute();
  if (rows.length === 0) return;
  throw tooManyRequests(Math.max(...rows.map((r) => new Date(r.blocked_until!).getTime())));
}

/**
 * Counts one attempt against a key in a single upsert, returning its count and block: `failures` holds
 * the attempts of the window not forgiven, those still being evaluated included. The attempt that
 * reaches the limit blocks the key; the count restarts once the block or, unblocked, the window has passed.
 */
async function countAttempt(db: Db, key: string, rule: ThrottleRule) {
  const at = now();
  const windowStart = new Date(Date.now() - rule.windowSeconds * 1000).toISOString();
  const until = secondsFromNow(rule.blockSeconds);
  const restart = sql`coalesce(login_throttle.blocked_until <= ${at}, login_throttle.window_started_at < ${windowStart})`;
  const count = sql<number>`case when ${restart} then 1 else login_throttle.failures + 1 end`;
  return db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: at, blocked_until: rule.limit <= 1 ? until : null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: count,
        window_started_at: sql`case when ${restart} then ${at} else login_throttle.window_started_at end`,
        blocked_until: sql`case when ${count} >= ${rule.limit} then (case when login_throttle.blocked_until > ${at} then login_throttle.blocked_until else ${until} end) end`,
      }),
    )
    .returning(['failures', 'blocked_until'])
    .executeTakeFirstOrThrow();
}

/**
 * Counts one attempt against each key BEFORE it is evaluated, atomically, so that concurrent
 * requests cannot all pass a check made before any of them was counted. An attempt over a key's
 * limit is refused with 429 and Retry-After, and then counts against none of the keys.
 */
export async function recordAttempts(db: Db, attempts: { key: string; rule: ThrottleRule }[]): Promise<void> {
  for (const [i, attempt] of attempts.entries()) {
    const { failures, blocked_until } = await countAttempt(db, attempt.key, attempt.rule);
    if (failures <= attempt.rule.limit) continue;
    for (const counted of attempts.slice(0, i + 1)) await forgiveAttempt(db, counted.key, counted.rule);
    throw tooManyRequests(new Date(blocked_until!).getTime());
  }
}

/** `recordAttempts` for one key. */
export async function recordAttempt(db: Db, key: string, rule: ThrottleRule): Promise<void> {
  await recordAttempts(db, [{ key, rule }]);
}

/** Takes back one counted attempt, e.g. a sign-in that succeeded; a block lifts once the key is back under its limit. */
export async function forgiveAttempt(db: Db, key: string, rule: ThrottleRule): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({
      failures: sql`failures - 1`,
      blocked_until: sql`case when failures - 1 >= ${rule.limit} then blocked_until end`,
    })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Forgets a key's attempts and any block they set, e.g. after a successful sign-in. */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
