import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/auth.actor';
import { can, ticketActions, type TicketAction, type TicketFacts } from './tickets.policy';

const base = { email: 'x@example', name: 'X', language: 'pt-BR' as const, groupIds: [1] };
const actors: Record<string, Actor> = {
  agent: { ...base, id: 'agent', staffRole: 'agent', memberships: [] },
  requester: {
    ...base,
    id: 'requester',
    staffRole: null,
    memberships: [{ companyId: 1, companyName: 'A', isPortalAdmin: false, seesAllTickets: false, mayRequestConsulting: false }],
  },
  companyAdmin: {
    ...base,
    id: 'admin',
    staffRole: null,
    memberships: [{ companyId: 1, companyName: 'A', isPortalAdmin: true, seesAllTickets: true, mayRequestConsulting: true }],
  },
  copied: {
    ...base,
    id: 'copied',
    staffRole: null,
    memberships: [{ companyId: 1, companyName: 'A', isPortalAdmin: false, seesAllTickets: false, mayRequestConsulting: false }],
  },
};

const now = new Date('2026-11-28T12:00:00Z');
const ticket = (status: string, extra: Partial<TicketFacts> = {}): TicketFacts => ({
  status,
  requesterId: 'requester',
  companyId: 1,
  closedAt: status === 'closed' ? new Date('2026-11-20T12:00:00Z') : null,
  rating: null,
  assigneeId: null,
  ...extra,
});

/** role × status → the actions allowed (everything else refused). */
const table: [string, string, TicketAction[]][] = [
  ['agent', 'new', ['reply', 'note', 'take', 'assign', 'transfer', 'edit', 'setStatus', 'proposeSolution', 'closeWithReason', 'merge', 'link']],
  ['agent', 'in_progress', ['reply', 'note', 'take', 'assign', 'transfer', 'edit', 'setStatus', 'proposeSolution', 'closeWithReason', 'merge', 'link']],
  ['agent', 'waiting_customer', ['reply', 'note', 'take', 'assign', 'transfer', 'edit', 'setStatus', 'proposeSolution', 'closeWithReason', 'merge', 'link']],
  ['agent', 'closed', ['note', 'link']],
  ['requester', 'new', ['reply']],
  ['requester', 'waiting_customer', ['reply']],
  ['requester', 'solution_proposed', ['reply', 'confirm', 'reject']],
  ['requester', 'closed', ['reopen', 'rate']],
  ['companyAdmin', 'solution_proposed', ['reply', 'confirm', 'reject']],
  ['companyAdmin', 'closed', []],
  ['copied', 'solution_proposed', ['reply']],
  ['copied', 'closed', []],
];

/** The closing and linking actions: role × whose ticket (the actor's own, assigned to another, merged) → allowed on an open one. */
const actionsTable: [string, Partial<TicketFacts>, Record<'closeWithReason' | 'merge' | 'link', boolean>][] = [
  ['agent', { assigneeId: 'agent' }, { closeWithReason: true, merge: true, link: true }],
  ['agent', { assigneeId: 'someone' }, { closeWithReason: true, merge: true, link: true }],
  ['agent', { status: 'closed', merged: true }, { closeWithReason: false, merge: false, link: false }],
  ['requester', {}, { closeWithReason: false, merge: false, link: false }],
  ['companyAdmin', {}, { closeWithReason: false, merge: false, link: false }],
  ['copied', {}, { closeWithReason: false, merge: false, link: false }],
];

describe('ticket policy: role × status × action', () => {
  it.each(actionsTable)('%s on a ticket %j may close with a reason, merge and link: %j', (role, facts, allowed) => {
    const subject = { ...ticket('in_progress'), ...facts };
    expect({ closeWithReason: can(actors[role]!, 'closeWithReason', subject, now), merge: can(actors[role]!, 'merge', subject, now), link: can(actors[role]!, 'link', subject, now) }).toEqual(allowed);
  });

  it('never lets the requester reopen a ticket merged into another', () => {
    expect(can(actors.requester!, 'reopen', ticket('closed', { merged: true }), now, 15)).toBe(false);
  });

  it.each(table)('%s on a %s ticket may %j', (role, status, allowed) => {
    const granted = ticketActions.filter((a) => can(actors[role]!, a, ticket(status), now, 15));
    expect(granted).toEqual(allowed);
  });

  it('lets an agent take a ticket only when it is not already theirs', () => {
    expect(can(actors.agent!, 'take', ticket('in_progress', { assigneeId: 'agent' }), now)).toBe(false);
  });

  it('lets the requester reopen only within the configured days, and rate once', () => {
    const closedLongAgo = ticket('closed', { closedAt: new Date('2026-11-01T00:00:00Z') });
    expect(can(actors.requester!, 'reopen', closedLongAgo, now, 15)).toBe(false);
    expect(can(actors.requester!, 'reopen', closedLongAgo, now, 30)).toBe(true);
    expect(can(actors.requester!, 'rate', ticket('closed', { rating: 4 }), now)).toBe(false);
  });
});
