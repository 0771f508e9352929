import { describeCriticality, type Grade, type Level } from '../../../contracts/criticality';
import { localized, translate, type Language } from '../../../contracts/i18n';
import type { ArticleView, TicketStatus, TicketSummaryView, TicketView } from '../../../contracts/tickets';
import { iso } from '../../db/columns';
import type { Actor } from '../auth/auth.actor';
import { presentCustomerSla, presentTicketSla } from '../sla/sla.presenter';
import { can, seesInternal, ticketActions, type TicketFacts } from './tickets.policy';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { findReadableTicket, ticketDetails, type TicketSummaryRow } from './tickets.repository';

/** "On hold" is internal: customers see such a ticket as in progress. */
export function customerStatus(status: string): TicketStatus {
  return status === 'on_hold' ? 'in_progress' : (status as TicketStatus);
}

export function statusFor(actor: Actor, status: string): TicketStatus {
  return actor.staffRole ? (status as TicketStatus) : customerStatus(status);
}

export function presentSummary(actor: Actor, row: TicketSummaryRow): TicketSummaryView {
  return {
    number: row.number,
    summary: row.summary,
    status: statusFor(actor, row.status),
    criticality: row.criticality as Level,
    serviceLine: { id: row.service_line_id, code: row.service_line_code, name: row.service_line_name, channelKey: row.channel_key },
    company: { id: row.company_id, name: row.company_name },
    requester: { id: row.requester_id, name: row.requester_name },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

type ArticleRow = Details['articles'][number];
type AttachmentRow = Details['attachments'][number];

/** An article with its files, as the ticket page (and a refused reply's 409) shows it. */
export function presentArticle(a: ArticleRow, files: AttachmentRow[]): ArticleView {
  return {
    id: a.id,
    kind: a.kind as ArticleView['kind'],
    author: { id: a.author_id, name: a.author_name, side: a.author_staff_role ? 'agent' : 'customer' },
    body: a.body,
    internal: Boolean(a.internal),
    createdAt: iso(a.created_at),
    attachments: files.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, size: f.size })),
  };
}

type TicketRow = NonNullable<Awaited<ReturnType<typeof findReadableTicket>>>;
type Details = Awaited<ReturnType<typeof ticketDetails>>;

/** The stored explanation of a ticket's criticality; `override` when an agent set it. */
export type StoredCriticality = { urgency: Grade; impact: Grade; capped: boolean; level: Level; override?: { reason: string } };

/** Every field of a ticket, names in the reader's language, the criticality explained, the allowed actions. */
export function presentTicket(actor: Actor, row: TicketRow, details: Details, reopenDays: number): TicketView {
  const language: Language = actor.language;
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const name = (names: string) => localized(JSON.parse(names), language);
  const stored = JSON.parse(row.criticality_reason) as StoredCriticality;
  const computed = describeCriticality(
    {
      level: stored.level,
      urgency: stored.urgency,
      impact: stored.impact,
      effect: name(row.effect_names),
      origin: name(row.origin_names),
      ...(stored.capped ? { cappedBy: { category: name(row.category_names), from: stored.level } } : {}),
    },
    t,
  );
  const reason = stored.override
    ? t('criticality.overridden', { level: t(`criticality.levels.${row.criticality}`), reason: stored.override.reason, computed })
    : computed;
  const facts: TicketFacts = {
    status: row.status,
    requesterId: row.requester_id,
    companyId: row.company_id,
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    rating: row.rating,
    assigneeId: row.assignee_id,
    merged: row.merged_into_number !== null,
  };
  const filesOf = (articleId: number) => details.attachments.filter((f) => f.article_id === articleId);
  return {
    ...presentSummary(actor, row),
    country: row.country,
    category: { id: row.category_id, name: name(row.category_names) },
    origin: { id: row.origin_id, name: name(row.origin_names) },
    effect: { id: row.effect_id, name: name(row.effect_names) },
    module: { id: row.module_id, name: row.module_name },
    routine: { id: row.routine_id, name: row.routine_name },
    version: row.version_id !== null && row.version_name !== null ? { id: row.version_id, name: row.version_name } : null,
    environment: row.environment_id !== null && row.environment_names !== null ? { id: row.environment_id, name: name(row.environment_names) } : null,
    incident: row.incident,
    criticalityReason: reason,
    openedBy: { id: row.opener_id, name: row.opener_name },
    copies: details.copies,
    revision: row.revision,
    group: row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
    assignee: row.assignee_id !== null && row.assignee_name !== null ? { id: row.assignee_id, name: row.assignee_name } : null,
    rating: row.rating !== null ? { score: row.rating, comment: row.rating_comment } : null,
    articles: details.articles.map((a) => presentArticle(a, filesOf(a.id))),
    history: details.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor_id !== null && e.actor_name !== null ? { id: e.actor_id, name: e.actor_name } : null,
      field: e.field,
      from: e.field === 'status' && e.from_value ? statusFor(actor, e.from_value) : e.from_value,
      to: e.field === 'status' && e.to_value ? statusFor(actor, e.to_value) : e.to_value,
      note: e.note,
      createdAt: iso(e.created_at),
    })),
    // A reason the customer is not told of (spam) is the agents' alone.
    closeReason:
      row.close_reason_id !== null && row.close_reason_names !== null && (actor.staffRole || row.close_reason_notifies)
        ? { id: row.close_reason_id, name: name(row.close_reason_names) }
        : null,
    mergedInto: row.merged_into_number !== null ? { number: row.merged_into_number } : null,
    actions: Object.fromEntries(ticketActions.map((a) => [a, can(actor, a, facts, new Date(), reopenDays)])) as TicketView['actions'],
    ...(actor.staffRole && details.tags ? { tags: details.tags } : {}),
    // Agents see every target; customers only when the first response is expected.
    ...(actor.staffRole
      ? { slaDue: { dueAt: row.sla_due_at === null ? null : iso(row.sla_due_at), warnAt: row.sla_warn_at === null ? null : iso(row.sla_warn_at), breachedAt: row.sla_breached_at === null ? null : iso(row.sla_breached_at), breached: row.sla_breached_at !== null }, sla: presentTicketSla(details.sla) }
      : { customerSla: presentCustomerSla(details.sla) }),
  };
}

/** The ticket as the actor sees it now (after a change made by another feature), or 404. */
export async function currentTicketView(db: Db, actor: Actor, number: number, reopenDays: number): Promise<TicketView> {
  const row = await findReadableTicket(db, actor, number);
  if (!row) throw notFound();
  return presentTicket(actor, row, await ticketDetails(db, row.id, seesInternal(actor)), reopenDays);
}
