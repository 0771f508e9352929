import { sql } from 'kysely';
import { z } from 'zod';
import { iso } from '../../db/columns';
import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import { targetKey, targetNames, type NameScope } from './audit.names';

const auditView = z.object({
  id: z.number(),
  actor: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** The target's current name; null when it no longer exists (the id is all there is). */
  targetName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});
export const auditList = z.object({ events: z.array(auditView) });

export type AuditFilters = {
  /** An area ("contact" finds contact.created, contact.updated…) or one action. */
  action?: string;
  companyId?: number;
  /** Only acts older than this id: the next page. */
  before?: number;
  limit: number;
};

/** A page of the log, newest first: who, when, what (with the target's name), before → after. */
export async function readAudit(db: Db, filters: AuditFilters, names: NameScope): Promise<z.infer<typeof auditList>> {
  const { action, companyId, before, limit } = filters;
  const rows = await db
    .selectFrom('audit_event')
    .leftJoin('person', 'person.id', 'audit_event.actor_id')
    .select(['audit_event.id', 'person.name', 'audit_event.action', 'audit_event.target_type', 'audit_event.target_id', 'audit_event.before', 'audit_event.after', 'audit_event.created_at'])
    // An area ("contact": contact.created, contact.invited…) or one action, never "contacts.imported";
    // wildcards in the name are escaped, not dropped: "help_channel" has one.
    .$if(action !== undefined, (q) =>
      q.where((eb) => eb.or([eb('audit_event.action', '=', action!), sql<boolean>`${sql.ref('audit_event.action')} like ${`${action!.replace(/[%_\\]/g, '\\$&')}.%`} escape '\\'`])),
    )
    .$if(companyId !== undefined, (q) => q.where('audit_event.company_id', '=', companyId!))
    .$if(before !== undefined, (q) => q.where('audit_event.id', '<', before!))
    .orderBy('audit_event.id', 'desc')
    .limit(inlineLimit(limit))
    .execute();
  const targets = await targetNames(db, rows, names);
  return {
    events: rows.map((row) => ({
      id: row.id,
      actor: row.name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      targetName: targets.get(targetKey(row.target_type, row.target_id)) ?? null,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
      createdAt: iso(row.created_at),
    })),
  };
}
