import type { Kysely } from 'kysely';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';

export type AuditEntry = {
  actorId: string | null;
  companyId?: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Records an administrative act in the caller's transaction. */
export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_id: entry.actorId,
      company_id: entry.companyId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: String(entry.targetId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      created_at: now(),
    })
    .execute();
}
