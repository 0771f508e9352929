import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { articleInput } from '../../../contracts/tickets';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, invalidFields, notFound } from '../../lib/errors';
import { recordEvent } from '../../lib/events';
import type { AppContext } from '../../context';
import type { Actor } from '../auth/auth.actor';
import { meetResponses, syncTicketClocks } from '../sla/sla.service';
import { conflict, recordChanges, statusChange, type TicketChange, type TicketSet } from './tickets.events';
import { notifyAgents, notifyCustomers } from './tickets.notify';
import { refusal, seesInternal } from './tickets.policy';
import { presentArticle } from './tickets.presenter';
import { ticketFacts, type TicketFactsRow } from './tickets.repository';

type ArticleInput = z.infer<typeof articleInput>;

/** The status an article moves a ticket to, or undefined to keep it. */
export function statusAfterArticle(actor: Pick<Actor, 'staffRole'>, status: string, input: Pick<ArticleInput, 'internal' | 'action'>): string | undefined {
  if (input.internal) return undefined;
  if (actor.staffRole) {
    if (input.action === 'ask_customer') return 'waiting_customer';
    if (input.action === 'propose_solution') return 'solution_proposed';
    return status === 'new' || status === 'waiting_customer' ? 'in_progress' : undefined;
  }
  // A customer's answer puts a waiting ticket back in the agents' hands.
  return status === 'waiting_customer' ? 'in_progress' : undefined;
}

/** Attachments the actor uploaded to this ticket and not yet used, by id; refuses anything else. */
async function claimableAttachments(db: Db, actor: Actor, ticketId: number, ids: string[], maxFiles: number) {
  const unique = [...new Set(ids)];
  if (unique.length > maxFiles) throw invalidFields({ attachmentIds: { key: 'validation.tooManyFiles', params: { max: maxFiles } } });
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('attachment')
    .select('id')
    .where('id', 'in', unique)
    .where('ticket_id', '=', ticketId)
    .where('uploader_id', '=', actor.id)
    .where('article_id', 'is', null)
    .where('uploaded_at', 'is not', null)
    .execute();
  if (rows.length !== unique.length) throw invalidFields({ attachmentIds: 'validation.notInList' });
  return unique;
}

/** How many times a reply is decided again when the ticket changed under it before it gets 409. */
const maxRedecisions = 3;

/**
 * Adds a public reply or an internal note, with its attachments, moves the status as the
 * reply implies, records the history and queues the mails — all in one transaction. What the
 * reply does to the ticket is decided from the ticket as read; when it changed before the
 * transaction (another reply, a closing), it is read again inside it and decided again, so
 * that replies at the same moment are all kept and none lands on a ticket closed meanwhile (409).
 */
export async function addArticle(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, input: ArticleInput): Promise<number> {
  const { db, config } = ctx;
  if (input.internal && !actor.staffRole) throw invalidFields({ internal: 'validation.notAllowed' });
  if (input.internal && input.action !== 'reply') throw invalidFields({ action: 'validation.notAllowed' });
  if (!actor.staffRole && input.action !== 'reply') throw invalidFields({ action: 'validation.notAllowed' });
  const action = input.internal ? 'note' : 'reply';
  if (refusal(actor, action, ticket)) await conflict(db, ticket.id, ticket.revision, 'tickets.closedNoReply');
  const attachmentIds = await claimableAttachments(db, actor, ticket.id, input.attachmentIds, config.attachments.maxFiles);
  const kind = input.internal ? 'note' : input.action === 'propose_solution' ? 'solution' : 'reply';

  return db.transaction().execute(async (trx) => {
    let current = ticket;
    let nextStatus = statusAfterArticle(actor, current.status, input);
    for (let attempt = 1; ; attempt++) {
      const { changes, set } = articleChanges(actor, current, input, nextStatus);
      if ((await recordChanges(trx, ticket.id, actor.id, changes, set, current)) !== undefined) break;
      const fresh = await ticketFacts(trx, actor, ticket.number);
      if (!fresh) throw notFound();
      if (refusal(actor, action, fresh)) await conflict(trx, ticket.id, ticket.revision, 'tickets.closedNoReply');
      if (attempt === maxRedecisions) await conflict(trx, ticket.id, ticket.revision);
      current = fresh;
      nextStatus = statusAfterArticle(actor, current.status, input);
    }
    // After the ticket's row is written (and locked): an article committed meanwhile is seen here.
    if (input.lastSeenArticleId !== undefined) await refuseIfNewer(trx, actor, ticket.id, input.lastSeenArticleId);
    const { id } = await trx
      .insertInto('ticket_article')
      .values({ ticket_id: ticket.id, author_id: actor.id, kind, body: input.body, internal: input.internal, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    recordEvent(trx, { type: 'article.added', ticketId: ticket.id, articleId: id, authorId: actor.id, byStaff: actor.staffRole !== null, internal: input.internal, body: input.body });
    if (attachmentIds.length) {
      // Still unused: another reply may have taken one since, or the clean-up of unused uploads removed it.
      const attached = await trx.updateTable('attachment').set({ article_id: id }).where('id', 'in', attachmentIds).where('article_id', 'is', null).executeTakeFirst();
      if (Number(attached.numUpdatedRows) !== attachmentIds.length) throw invalidFields({ attachmentIds: 'validation.notInList' });
    }

    if (!input.internal) {
      // An agent's public answer meets the pending responses; a customer's message starts the next one.
      if (actor.staffRole) await meetResponses(trx, ticket.id, now());
      else await syncTicketClocks(trx, ticket.id, { startNextResponse: true });
      const lines = (t: (key: string, params?: Record<string, string | number>) => string) => [
        t('mail.ticketReply.replied', { author: actor.name }),
        input.body,
        ...(nextStatus === 'waiting_customer' ? [t('mail.ticketReply.waiting')] : []),
        ...(nextStatus === 'solution_proposed' ? [t('mail.ticketReply.solution')] : []),
      ];
      const key = `article-${id}`;
      if (actor.staffRole) await notifyCustomers(trx, config.publicUrl, ticket.id, lines, key);
      else await notifyAgents(trx, config.publicUrl, ticket.id, lines, key);
    }
    return id;
  });
}

/** 409 with the articles the actor may read that arrived after `lastSeen`, when there are any. */
async function refuseIfNewer(trx: Kysely<Database>, actor: Actor, ticketId: number, lastSeen: number) {
  const articles = await trx
    .selectFrom('ticket_article')
    .innerJoin('person', 'person.id', 'ticket_article.author_id')
    .select([
      'ticket_article.id',
      'ticket_article.kind',
      'ticket_article.body',
      'ticket_article.internal',
      'ticket_article.created_at',
      'person.id as author_id',
      'person.name as author_name',
      'person.staff_role as author_staff_role',
    ])
    .where('ticket_article.ticket_id', '=', ticketId)
    .where('ticket_article.id', '>', lastSeen)
    .$if(!seesInternal(actor), (q) => q.where('ticket_article.internal', '=', false))
    .orderBy('ticket_article.id')
    .execute();
  if (!articles.length) return;
  const files = await trx
    .selectFrom('attachment')
    .select(['id', 'article_id', 'file_name', 'content_type', 'size'])
    .where('article_id', 'in', articles.map((a) => a.id))
    .orderBy('created_at')
    .execute();
  throw new AppError('conflict', 'live.newerReply', { details: { newer: articles.map((a) => presentArticle(a, files.filter((f) => f.article_id === a.id))) } });
}

/** What an article changes on the ticket as it is: the status it implies, and its assignee when an agent answers an unassigned one. */
function articleChanges(actor: Actor, ticket: TicketFactsRow, input: ArticleInput, nextStatus: string | undefined) {
  const changes: TicketChange[] = [];
  const set: TicketSet = {};
  if (nextStatus && nextStatus !== ticket.status) {
    changes.push(statusChange(ticket.status, nextStatus));
    set.status = nextStatus;
    if (nextStatus === 'solution_proposed') set.solution_proposed_at = now();
  }
  // Answering an unassigned ticket takes it, as in every help desk.
  if (actor.staffRole && !input.internal && !ticket.assignee_id) {
    changes.push({ kind: 'assigned', field: 'assignee', from: null, to: actor.name, public: false });
    set.assignee_id = actor.id;
  }
  return { changes, set };
}
