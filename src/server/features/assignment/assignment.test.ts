import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, signInRoles, twoAppProcesses, type TestApp } from '../../test/harness';
import { addAgent } from '../../test/live';

/** Who each ticket went to, and how many times it was assigned, from the tickets and their history. */
async function assignments(db: Db, numbers: number[]) {
  const rows = await db
    .selectFrom('ticket')
    .leftJoin('person', 'person.id', 'ticket.assignee_id')
    .select(['ticket.id', 'ticket.number', 'person.name'])
    .where('ticket.number', 'in', numbers)
    .execute();
  const events = await db.selectFrom('ticket_event').select('ticket_id').where('kind', '=', 'assigned').where('ticket_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({ number: r.number, assignee: r.name, times: events.filter((e) => e.ticket_id === r.id).length }));
}

const countBy = (names: (string | null)[]) => names.reduce<Record<string, number>>((acc, n) => ({ ...acc, [n ?? 'nobody']: (acc[n ?? 'nobody'] ?? 0) + 1 }), {});

async function setAssignment(app: FastifyInstance, cookie: string, db: Db, groupName: string, body: Record<string, unknown>) {
  const group = await db.selectFrom('agent_group').select('id').where('name', '=', groupName).executeTakeFirstOrThrow();
  return request(app, { method: 'PUT', url: `/api/admin/groups/${group.id}/assignment`, cookie, payload: body });
}

describe('round-robin over two app processes on one database', () => {
  let env: Awaited<ReturnType<typeof twoAppProcesses>>;

  beforeAll(async () => {
    env = await twoAppProcesses();
    await addAgent(env.db, 'Bruna Bastos', 'bruna@atende.example', ['Suporte RM']);
    await addAgent(env.db, 'Carla Campos', 'carla@atende.example', ['Suporte RM']);
  });
  afterAll(() => env.close());

  it('assigns each ticket opened at the same time through either process once, and evenly', async () => {
    const admin = await signIn(env.apps[0], demoRoles.admin);
    expect((await setAssignment(env.apps[0], admin, env.db, 'Suporte RM', { mode: 'round_robin', openCap: null })).statusCode).toBe(200);
    const contacts = [await signIn(env.apps[0], demoRoles.contact), await signIn(env.apps[1], demoRoles.portalAdmin)];
    const form = (await demoForm(env.db, 'RM')).fields;
    const opened = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await request(env.apps[i % 2]!, { method: 'POST', url: '/api/tickets', cookie: contacts[i % 2], payload: { ...form, summary: `Ao mesmo tempo ${i}` } });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().number as number;
      }),
    );
    const result = await assignments(env.db, opened);
    expect(result.map((r) => r.times)).toEqual(Array(12).fill(1));
    expect(countBy(result.map((r) => r.assignee))).toEqual({ 'André Analista': 4, 'Bruna Bastos': 4, 'Carla Campos': 4 });
  });
});

describe('automatic assignment', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  const ids: Record<string, string> = {};
  const open = async (module?: string, who = 'contact') => {
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies[who], payload: (await demoForm(t.db, 'RM', module)).fields });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().number as number;
  };
  const assigneesOf = async (numbers: number[]) => (await assignments(t.db, numbers)).sort((a, b) => a.number - b.number).map((r) => r.assignee);
  const away = (who: string, available: boolean) => request(t.app, { method: 'PUT', url: '/api/me/availability', cookie: cookies[who], payload: { available } });

  beforeAll(async () => {
    t = await buildTestApp({ env: { OPENINGS_PER_MINUTE: '0' } });
    ids.bruna = await addAgent(t.db, 'Bruna Bastos', 'bruna@atende.example', ['Suporte RM']);
    ids.carla = await addAgent(t.db, 'Carla Campos', 'carla@atende.example', ['Suporte RM']);
    cookies = { ...(await signInRoles(t.app)), bruna: await signIn(t.app, 'bruna@atende.example'), carla: await signIn(t.app, 'carla@atende.example') };
  });
  afterAll(() => t.close());

  it('leaves a manual group\'s tickets (the default) unassigned', async () => {
    const group = (await request(t.app, { method: 'GET', url: '/api/admin/groups', cookie: cookies.admin })).json().groups.find((g: { name: string }) => g.name === 'Suporte RM');
    expect(group.assignment).toEqual({ mode: 'manual', openCap: null });
    expect(await assigneesOf([await open()])).toEqual([null]);
  });

  it('skips agents who are away, and tells the one assigned', async () => {
    await setAssignment(t.app, cookies.admin!, t.db, 'Suporte RM', { mode: 'round_robin', openCap: null });
    expect((await away('agent', false)).json()).toEqual({ available: false });
    expect((await away('carla', false)).json()).toEqual({ available: false });
    expect((await request(t.app, { method: 'GET', url: '/api/me/availability', cookie: cookies.carla })).json()).toEqual({ available: false });
    const numbers = [await open(), await open()];
    expect(await assigneesOf(numbers)).toEqual(['Bruna Bastos', 'Bruna Bastos']);
    const notified = (await request(t.app, { method: 'GET', url: '/api/notifications', cookie: cookies.bruna })).json();
    expect(notified.notifications.slice(0, 2).map((n: { kind: string; actor: unknown }) => [n.kind, n.actor])).toEqual([
      ['assigned', null],
      ['assigned', null],
    ]);
    await away('agent', true);
    await away('carla', true);
  });

  it('gives a ticket of a module to the agents with that skill first', async () => {
    const labore = await t.db.selectFrom('module').select('id').where('name', '=', 'RM Labore').executeTakeFirstOrThrow();
    const skills = await request(t.app, { method: 'PUT', url: `/api/admin/agents/${ids.carla}/skills`, cookie: cookies.admin, payload: { moduleIds: [labore.id] } });
    expect(skills.json()).toEqual({ moduleIds: [labore.id] });
    const numbers = [await open('RM Labore'), await open('RM Labore'), await open('RM Labore')];
    expect(await assigneesOf(numbers)).toEqual(['Carla Campos', 'Carla Campos', 'Carla Campos']);
    const others = await assigneesOf([await open('RM Fluxus'), await open('RM Fluxus'), await open('RM Fluxus')]);
    expect(new Set(others)).toEqual(new Set(['André Analista', 'Bruna Bastos', 'Carla Campos']));
    await request(t.app, { method: 'PUT', url: `/api/admin/agents/${ids.carla}/skills`, cookie: cookies.admin, payload: { moduleIds: [] } });
  });

  it('least-loaded gives each ticket to the agent with fewest open tickets, and none past the cap', async () => {
    // Start even: every open ticket of the group closed.
    await t.db.updateTable('ticket').set({ status: 'closed' }).execute();
    await setAssignment(t.app, cookies.admin!, t.db, 'Suporte RM', { mode: 'least_loaded', openCap: 2 });
    const first = [await open(), await open(), await open()];
    expect(new Set(await assigneesOf(first))).toEqual(new Set(['André Analista', 'Bruna Bastos', 'Carla Campos']));
    // André's closed, his load 0 against 1 each: the next is his.
    const andre = await t.db.selectFrom('person').select('id').where('email', '=', demoRoles.agent).executeTakeFirstOrThrow();
    await t.db.updateTable('ticket').set({ status: 'closed' }).where('number', 'in', first).where('assignee_id', '=', andre.id).execute();
    expect(await assigneesOf([await open()])).toEqual(['André Analista']);
    // All hold 1: one more each reaches the cap of 2, and then nobody takes one.
    expect(countBy(await assigneesOf([await open(), await open(), await open()]))).toEqual({ 'André Analista': 1, 'Bruna Bastos': 1, 'Carla Campos': 1 });
    expect(await assigneesOf([await open()])).toEqual([null]);
  });

  it('never assigns a deactivated agent', async () => {
    await t.db.updateTable('ticket').set({ status: 'closed' }).execute();
    await setAssignment(t.app, cookies.admin!, t.db, 'Suporte RM', { mode: 'round_robin', openCap: null });
    await t.db.updateTable('person').set({ active: false }).where('id', 'in', [ids.bruna!, ids.carla!]).execute();
    expect(await assigneesOf([await open(), await open()])).toEqual(['André Analista', 'André Analista']);
    await t.db.updateTable('person').set({ active: true }).where('id', 'in', [ids.bruna!, ids.carla!]).execute();
  });

  it("lets only the system administrator set a group's assignment and an agent's skills, naming each bad field", async () => {
    const group = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte RM').executeTakeFirstOrThrow();
    const put = (cookie: string | undefined, url: string, payload: Record<string, unknown>) => request(t.app, { method: 'PUT', url, cookie, payload });
    const settings = `/api/admin/groups/${group.id}/assignment`;
    const skills = `/api/admin/agents/${ids.bruna}/skills`;
    for (const [who, status] of [[undefined, 401], [cookies.contact, 403], [cookies.portalAdmin, 403], [cookies.agent, 403]] as const) {
      expect((await put(who, settings, { mode: 'manual', openCap: null })).statusCode).toBe(status);
      expect((await put(who, skills, { moduleIds: [] })).statusCode).toBe(status);
      expect((await request(t.app, { method: 'GET', url: skills, cookie: who })).statusCode).toBe(status);
    }
    const fields = async (res: Awaited<ReturnType<typeof put>>) => (expect(res.statusCode).toBe(400), Object.keys(res.json().error.fields));
    expect(await fields(await put(cookies.admin, settings, { mode: 'random', openCap: null }))).toEqual(['mode']);
    expect(await fields(await put(cookies.admin, settings, { mode: 'least_loaded', openCap: 0 }))).toEqual(['openCap']);
    expect((await put(cookies.admin, '/api/admin/groups/999999/assignment', { mode: 'manual', openCap: null })).statusCode).toBe(404);
    expect(await fields(await put(cookies.admin, skills, { moduleIds: [999_999] }))).toEqual(['moduleIds']);
    const contact = await t.db.selectFrom('person').select('id').where('email', '=', demoRoles.contact).executeTakeFirstOrThrow();
    expect((await put(cookies.admin, `/api/admin/agents/${contact.id}/skills`, { moduleIds: [] })).statusCode).toBe(404);
    const logged = await t.db.selectFrom('audit_event').select('action').where('action', 'in', ['group.assignment', 'agent.skills']).execute();
    expect(new Set(logged.map((l) => l.action))).toEqual(new Set(['group.assignment', 'agent.skills']));
  });

  it('lets agents only mark themselves available or away', async () => {
    for (const [who, status] of [[undefined, 401], [cookies.contact, 403], [cookies.portalAdmin, 403]] as const) {
      expect((await request(t.app, { method: 'PUT', url: '/api/me/availability', cookie: who, payload: { available: false } })).statusCode).toBe(status);
      expect((await request(t.app, { method: 'GET', url: '/api/me/availability', cookie: who })).statusCode).toBe(status);
    }
    expect((await request(t.app, { method: 'GET', url: '/api/me/availability', cookie: cookies.admin })).json()).toEqual({ available: true });
  });
});
