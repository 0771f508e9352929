import { fillVariables, type MacroVariable, type RenderedMacro } from '../../../contracts/macros';
import { translate } from '../../../contracts/i18n';
import type { AppContext } from '../../context';
import type { Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { forbidden, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { changeTicketTags } from '../tags/tags.service';
import { updateTicket } from '../tickets/tickets.lifecycle';
import { readableBy } from '../tickets/tickets.policy';
import { ticketFacts, type TicketFactsRow } from '../tickets/tickets.repository';
import { actionsOf, countUse, type MacroRow } from './macros.service';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** The variables' values for a ticket the actor reads (else 404). */
async function variablesFor(db: Db, actor: Actor, number: number): Promise<Record<MacroVariable, string>> {
  const row = await db
    .selectFrom('ticket')
    .innerJoin('person as requester', 'requester.id', 'ticket.requester_id')
    .innerJoin('company', 'company.id', 'ticket.company_id')
    .leftJoin('agent_group', 'agent_group.id', 'ticket.group_id')
    .select(['ticket.number', 'ticket.summary', 'requester.name as requester_name', 'company.name as company_name', 'agent_group.name as group_name'])
    .where(readableBy(actor))
    .where('ticket.number', '=', number)
    .executeTakeFirst();
  if (!row) throw notFound();
  return {
    'requester.firstName': firstName(row.requester_name),
    'requester.name': row.requester_name,
    'company.name': row.company_name,
    'ticket.number': String(row.number),
    'ticket.summary': row.summary,
    'group.name': row.group_name ?? '',
    'agent.firstName': firstName(actor.name),
    'agent.name': actor.name,
  };
}

/** A macro rendered for a ticket: the reply as it will be sent (the browser's preview), and its actions. */
export async function renderMacro(db: Db, actor: Actor, number: number, macro: MacroRow): Promise<RenderedMacro> {
  if (!actor.staffRole) throw forbidden();
  const values = await variablesFor(db, actor, number);
  return { id: macro.id, name: macro.name, body: fillVariables(macro.body, values), actions: actionsOf(macro) };
}

/**
 * Applies a macro's actions to a ticket through the single edits' functions — its tags first, then
 * its status and group in one edit (a transfer last, since it may take the ticket out of the agent's
 * reach) — from the revision the agent saw (a change since is a 409), and counts the use. The reply
 * is sent as any reply (the articles route), before.
 */
export async function applyMacro(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, macro: MacroRow, revision: number): Promise<void> {
  if (!actor.staffRole) throw forbidden();
  const actions = actionsOf(macro);
  // One transaction: a step refused (a 409 on a closed ticket) leaves nothing of the others.
  await inTransaction(ctx.db, async (trx) => {
    let current = ticket;
    let seen = revision;
    if (actions.tags.length) {
      await changeTicketTags(trx, actor, current, { add: actions.tags, remove: [], revision: seen });
      current = (await ticketFacts(trx, actor, ticket.number)) ?? current;
      // The tags' change bumped the revision once; anything else since is another's change (a 409 below).
      seen += 1;
    }
    if (actions.status || actions.group) {
      await updateTicket({ config: ctx.config, db: trx }, actor, current, {
        revision: seen,
        ...(actions.status ? { status: actions.status } : {}),
        ...(actions.group ? { groupId: actions.group.id, transferNote: translate(actor.language, 'macros.transferNote', { name: macro.name }) } : {}),
      });
    }
    await countUse(trx, macro.id);
  });
}
