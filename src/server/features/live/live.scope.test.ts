import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../db/columns';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { addAgent } from '../../test/live';
import { loadActor, type Actor } from '../auth/auth.actor';
import { readableBy, ticketReader } from '../tickets/tickets.policy';

/**
 * The streams decide who hears of a ticket with `ticketReader`, in memory; the lists with
 * `readableBy`, in SQL. For every kind of actor and ticket they must agree.
 */
describe('who hears of a ticket is who may read it', () => {
  let t: TestApp;
  const actors: Actor[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    await addAgent(t.db, 'Carla Campos', 'carla@atende.example', ['Suporte RM']);
    await addAgent(t.db, 'Sem Grupo', 'semgrupo@atende.example', []);
    const open = async (email: string, line: string, copies: string[] = []) => {
      const cookie = await signIn(t.app, email);
      const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie, payload: { ...(await demoForm(t.db, line)).fields, additionalEmails: copies } });
      expect(res.statusCode).toBe(201);
      return res.json().number as number;
    };
    await open(demoRoles.contact, 'RM');
    await open(demoRoles.portalAdmin, 'RM', [demoRoles.contact, 'contato@beta.example']);
    await open(demoRoles.portalAdmin, 'PROTHEUS');
    await open('contato@beta.example', 'DATASUL');
    await open('admin@beta.example', 'DATASUL', ['contato@alfa.example']);
    const orphan = await open(demoRoles.contact, 'RM');
    await t.db.updateTable('ticket').set({ group_id: null }).where('number', '=', orphan).execute();

    // A person of two companies: sees all of Beta's tickets, only their own and copied ones of Alfa's.
    const twoCompanies = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@beta.example').executeTakeFirstOrThrow();
    const alfa = await t.db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow();
    await t.db
      .insertInto('membership')
      .values({ person_id: twoCompanies.id, company_id: alfa.id, is_portal_admin: false, sees_all_tickets: false, may_request_consulting: false, created_at: now() })
      .execute();
    await t.db.updateTable('membership').set({ sees_all_tickets: true }).where('person_id', '=', twoCompanies.id).where('company_id', '<>', alfa.id).execute();

    const people = await t.db.selectFrom('person').select('id').execute();
    for (const p of people) {
      const actor = await loadActor(t.db, p.id);
      if (actor) actors.push(actor);
    }
  });
  afterAll(() => t.close());

  it('agrees with readableBy for every actor and ticket', async () => {
    const tickets = await t.db.selectFrom('ticket').select(['id', 'number', 'group_id', 'company_id', 'requester_id']).orderBy('number').execute();
    const copies = await t.db.selectFrom('ticket_copy').select(['ticket_id', 'email']).execute();
    expect(actors.length).toBeGreaterThanOrEqual(8);
    const differences: string[] = [];
    let reads = 0;
    for (const actor of actors) {
      const readable = new Set((await t.db.selectFrom('ticket').select('ticket.number').where(readableBy(actor)).execute()).map((r) => r.number));
      for (const ticket of tickets) {
        const reader = ticketReader(actor, { groupId: ticket.group_id, companyId: ticket.company_id, requesterId: ticket.requester_id });
        const inMemory = reader === 'reads' || (reader === 'ifCopied' && copies.some((c) => c.ticket_id === ticket.id && c.email === actor.email));
        if (inMemory) reads++;
        if (inMemory !== readable.has(ticket.number)) differences.push(`${actor.email} #${ticket.number}: readableBy ${readable.has(ticket.number)}, ticketReader ${reader}`);
      }
    }
    expect(differences).toEqual([]);
    // Neither all nor none: the cases differ.
    expect(reads).toBeGreaterThan(tickets.length);
    expect(reads).toBeLessThan(actors.length * tickets.length);
  });
});
