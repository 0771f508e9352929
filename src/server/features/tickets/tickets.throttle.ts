import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import { preparedQuery } from '../../db/prepared';
import { AppError } from '../../lib/errors';

const windowMs = 60_000;

/**
 * The opening a person made `limit` openings ago within the last minute, if any: the minute that
 * must pass before they may open again. An indexed seek of at most `limit` entries (ticket_opened_by).
 */
function limitQuery(db: Db, limit: number) {
  return preparedQuery(db, 2, (personId: string, since: string) =>
    db
      .selectFrom('ticket')
      .select('created_at')
      .where('opened_by_id', '=', personId)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(inlineLimit(1))
      .offset(inlineLimit(limit - 1)),
  );
}

const compiled = new WeakMap<Db, { limit: number; query: ReturnType<typeof limitQuery> }>();

/**
 * Refuses an opening with 429 and Retry-After once the person (requester, or agent on a customer's
 * behalf) has opened `perMinute` tickets in the last minute; 0 turns the limit off. The count is
 * the tickets themselves, so it holds across processes; openings in flight at the same moment are
 * not counted yet, so a burst may pass the limit by as many.
 */
export async function assertMayOpen(db: Db, personId: string, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  let entry = compiled.get(db);
  if (entry?.limit !== perMinute) compiled.set(db, (entry = { limit: perMinute, query: limitQuery(db, perMinute) }));
  const [oldest] = await entry.query(personId, new Date(Date.now() - windowMs).toISOString());
  if (!oldest) return;
  const seconds = Math.max(1, Math.ceil((new Date(oldest.created_at).getTime() + windowMs - Date.now()) / 1000));
  throw new AppError('too_many_requests', 'tickets.tooManyOpenings', {
    params: { max: perMinute, seconds, count: seconds },
    headers: { 'retry-after': String(seconds) },
  });
}
