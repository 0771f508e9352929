import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { BulkResult, BulkRowResult, bulkInput } from '../../../contracts/bulk';
import type { AppContext } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { changeTicketTags } from '../tags/tags.service';
import { updateTicket } from '../tickets/tickets.lifecycle';
import { ticketFacts, type TicketFactsRow } from '../tickets/tickets.repository';

type Input = z.infer<typeof bulkInput>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One row's change, through the same function (rules, revision check, transaction) as the single edit. */
function applyOne(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, revision: number, input: Input): Promise<unknown> {
  switch (input.action) {
    case 'assign':
      return updateTicket(ctx, actor, ticket, { revision, assigneeId: input.assigneeId });
    case 'transfer':
      return updateTicket(ctx, actor, ticket, { revision, groupId: input.groupId, transferNote: input.note });
    case 'status':
      return updateTicket(ctx, actor, ticket, { revision, status: input.status });
    case 'tags':
      return changeTicketTags(ctx.db, actor, ticket, { add: input.add, remove: [], revision });
  }
}

/** A row's refusal as the single edit would have answered it, in the caller's language. */
function failure(number: number, error: AppError, t: Translate): BulkRowResult {
  const fields = error.options.fields
    ? Object.fromEntries(Object.entries(error.options.fields).map(([k, m]) => [k, typeof m === 'string' ? t(m) : t(m.key, m.params)]))
    : undefined;
  return { number, ok: false, status: error.status, code: error.code, message: t(error.messageKey, error.options.params), ...(fields ? { fields } : {}) };
}

/**
 * Applies one action to each selected ticket in turn, each in its own transaction and conditional
 * on the revision the agent saw it in, so that one stale, forbidden or invalid row is reported and
 * the others are applied. A ticket the agent cannot read is "not found" and never touched.
 */
export async function applyBulk(ctx: AppContext, actor: Actor, input: Input, t: Translate, log: FastifyBaseLogger): Promise<BulkResult> {
  if (!actor.staffRole) throw forbidden();
  const results: BulkRowResult[] = [];
  for (const row of input.rows) {
    // SQLite's statements complete synchronously: the process serves other requests between two rows.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const ticket = await ticketFacts(ctx.db, actor, row.number);
      if (!ticket) throw notFound();
      await applyOne(ctx, actor, ticket, row.revision, input);
      results.push({ number: row.number, ok: true });
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        results.push(failure(row.number, error, t));
        continue;
      }
      log.error({ err: error, number: row.number }, 'bulk action failed on a row');
      results.push(failure(row.number, new AppError('internal', 'errors.internal'), t));
    }
  }
  ctx.pokeMail();
  const applied = results.filter((r) => r.ok).length;
  return { results, applied, failed: results.length - applied };
}
