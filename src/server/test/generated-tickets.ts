import { levels } from '../../contracts/criticality';
import { ticketStatuses } from '../../contracts/tickets';
import type { Db } from '../db/database';

/** A small deterministic random source (mulberry32), so a failing dataset can be made again. */
export function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

export type GeneratedTicket = {
  id: number;
  number: number;
  company_id: number;
  group_id: number | null;
  assignee_id: string | null;
  service_line_id: number;
  module_id: number;
  category_id: number;
  criticality: string;
  criticality_rank: number;
  incident: string;
  status: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  tags: string[];
};

/**
 * Inserts `count` tickets straight into the tables (no opening's checks or mails), spread over
 * the demo companies, their lines' groups, the given assignees, every status and criticality, two
 * months of openings and updates, and a few tags; returns them as stored.
 */
export async function generateTickets(db: Db, count: number, { assignees, tags, seed = 7 }: { assignees: (string | null)[]; tags: string[]; seed?: number }): Promise<GeneratedTicket[]> {
  const r = seeded(seed);
  const companies = await db.selectFrom('company').innerJoin('membership', 'membership.company_id', 'company.id').select(['company.id', 'membership.person_id']).execute();
  const lines = await db
    .selectFrom('entitlement')
    .innerJoin('group_service_line', 'group_service_line.service_line_id', 'entitlement.service_line_id')
    .select(['entitlement.company_id', 'entitlement.service_line_id', 'group_service_line.group_id'])
    .execute();
  const modules = await db.selectFrom('module').innerJoin('routine', 'routine.module_id', 'module.id').select(['module.id', 'module.service_line_id', 'routine.id as routine_id']).execute();
  const categories = (await db.selectFrom('category').select('id').execute()).map((c) => c.id);
  const origin = (await db.selectFrom('origin').select('id').executeTakeFirstOrThrow()).id;
  const effect = (await db.selectFrom('effect').select('id').executeTakeFirstOrThrow()).id;
  const tagIds = new Map<string, number>();
  for (const name of tags) {
    const row = await db.insertInto('tag').values({ name, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    tagIds.set(name, row.id);
  }
  const sequence = await db.selectFrom('ticket_sequence').select('value').where('name', '=', 'ticket').executeTakeFirstOrThrow();
  const now = Date.now();
  const day = 86_400_000;
  const out: GeneratedTicket[] = [];
  const batch = 200;
  for (let from = 0; from < count; from += batch) {
    const rows = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const member = r.pick(companies);
      const line = r.pick(lines.filter((l) => l.company_id === member.id));
      const module = r.pick(modules.filter((m) => m.service_line_id === line.service_line_id));
      const rank = Math.floor(r.next() * levels.length);
      // Opened in the order of their ids, as tickets are (a number is taken in the opening's transaction).
      const created = now - 60 * day * (1 - i / count);
      const status = r.next() < 0.4 ? 'closed' : r.pick(ticketStatuses.filter((s) => s !== 'closed'));
      const updated = created + r.next() * (now - created);
      rows.push({
        number: sequence.value + i + 1,
        company_id: member.id,
        requester_id: member.person_id,
        opened_by_id: member.person_id,
        service_line_id: line.service_line_id,
        country: 'BR',
        category_id: r.pick(categories),
        origin_id: origin,
        effect_id: effect,
        module_id: module.id,
        routine_id: module.routine_id,
        version_id: null,
        environment_id: null,
        summary: `Chamado gerado ${i}`,
        incident: r.next() < 0.3 ? 'Erro na folha de pagamento' : 'Lentidão ao emitir boleto',
        criticality: levels[rank]!,
        criticality_rank: rank,
        criticality_reason: '{}',
        status,
        group_id: r.next() < 0.05 ? null : line.group_id,
        assignee_id: r.pick(assignees),
        revision: 1,
        closed_at: status === 'closed' ? new Date(updated).toISOString() : null,
        created_at: new Date(created).toISOString(),
        updated_at: new Date(updated).toISOString(),
      });
    }
    const inserted = await db.insertInto('ticket').values(rows).returning('id').execute();
    const links: { ticket_id: number; tag_id: number }[] = [];
    rows.forEach((row, k) => {
      const chosen = tags.filter(() => r.next() < 0.15);
      for (const name of chosen) links.push({ ticket_id: inserted[k]!.id, tag_id: tagIds.get(name)! });
      out.push({ ...row, id: inserted[k]!.id, tags: chosen });
    });
    if (links.length) await db.insertInto('ticket_tag').values(links).execute();
  }
  await db.updateTable('ticket_sequence').set({ value: sequence.value + count }).where('name', '=', 'ticket').execute();
  return out;
}
