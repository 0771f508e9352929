import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';
import { closeUnconfirmedSolutions } from './tickets.lifecycle';

describe('closing a backlog of unconfirmed solutions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { AUTO_CLOSE_DAYS: '5' } });
  });
  afterAll(() => t.close());

  it('lets the process serve between two closings instead of running the whole pass at once', async () => {
    const cookie = await signIn(t.app, 'contato@alfa.example');
    const form = await demoForm(t.db, 'RM');
    const opened = await Promise.all(
      Array.from({ length: 30 }, (_, i) => request(t.app, { method: 'POST', url: '/api/tickets', cookie, payload: { ...form.fields, summary: `Pendente ${i}` } })),
    );
    const numbers = opened.map((res) => res.json().number as number);
    // Solutions proposed a week ago and never confirmed: a backlog, as after the portal was down.
    await t.db
      .updateTable('ticket')
      .set({ status: 'solution_proposed', solution_proposed_at: new Date(Date.now() - 7 * 86_400_000).toISOString() })
      .where('number', 'in', numbers)
      .execute();

    let turns = 0;
    let passing = true;
    const countTurns = () => {
      if (!passing) return;
      turns++;
      setImmediate(countTurns);
    };
    setImmediate(countTurns);
    const closed = await closeUnconfirmedSolutions(t);
    passing = false;

    expect(closed).toBe(30);
    // On SQLite every statement completes at once; without a pause the event loop would not turn until the end.
    expect(turns).toBeGreaterThanOrEqual(30);
    const statuses = await t.db.selectFrom('ticket').select('status').where('number', 'in', numbers).execute();
    expect(statuses.every((s) => s.status === 'closed')).toBe(true);
  });
});

describe('reclassifying a ticket', () => {
  let t: TestApp;
  let contact: string;
  let agent: string;

  const get = (number: number) => request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: agent });
  const patch = (number: number, payload: object) => request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: agent, payload });
  const post = (cookie: string, number: number, path: string, payload: object) =>
    request(t.app, { method: 'POST', url: `/api/tickets/${number}${path}`, cookie, payload });
  const open = async () => {
    const form = await demoForm(t.db, 'RM');
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: form.fields });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().number as number;
  };
  /** Another category, module (with a routine of it), version and environment of the RM line than the demo form's. */
  const otherChoices = async () => {
    const form = await demoForm(t.db, 'RM');
    const module = await t.db.selectFrom('module').select('id').where('service_line_id', '=', form.serviceLineId).where('id', '!=', form.moduleId).orderBy('position').executeTakeFirstOrThrow();
    const routine = await t.db.selectFrom('routine').select('id').where('module_id', '=', module.id).orderBy('position').executeTakeFirstOrThrow();
    const other = (table: 'version' | 'environment', current: number | null) =>
      t.db.selectFrom(table).select('id').where('service_line_id', '=', form.serviceLineId).where('id', '!=', current ?? -1).orderBy('position').executeTakeFirstOrThrow();
    return {
      category: { categoryId: await form.category('nonconformity') },
      module: { moduleId: module.id, routineId: routine.id },
      version: { versionId: (await other('version', form.versionId)).id },
      environment: { environmentId: (await other('environment', form.environmentId)).id },
    };
  };
  const classification = (ticket: Record<string, { id: number } | null>) =>
    Object.fromEntries(['category', 'origin', 'effect', 'module', 'routine', 'version', 'environment'].map((key) => [key, ticket[key]?.id ?? null]));

  beforeAll(async () => {
    t = await buildTestApp();
    contact = await signIn(t.app, 'contato@alfa.example');
    agent = await signIn(t.app, 'analista@atende.example');
  });
  afterAll(() => t.close());

  it('lets an agent change the category, module, version and environment of an open ticket', async () => {
    const number = await open();
    const choices = await otherChoices();
    for (const [field, change] of Object.entries(choices)) {
      const before = (await get(number)).json();
      expect(before.actions.edit).toBe(true);
      const res = await patch(number, { revision: before.revision, ...change });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(200);
      expect(res.json().revision).toBe(before.revision + 1);
      for (const [key, id] of Object.entries(change)) expect(res.json()[key.replace(/Id$/, '')].id, key).toBe(id);
    }
  });

  it('refuses an agent reclassifying a closed ticket with 409, as it refuses a criticality change, and changes nothing', async () => {
    const number = await open();
    expect((await post(agent, number, '/articles', { body: 'Corrigido na 12.1.2410.', action: 'propose_solution' })).statusCode).toBe(200);
    expect((await post(contact, number, '/confirm', {})).json().status).toBe('closed');
    const closed = (await get(number)).json();
    expect(closed.actions.edit).toBe(false);

    const criticality = await patch(number, { revision: closed.revision, criticality: 'critical', criticalityReason: 'Urgente' });
    // An agent may edit a ticket, only not a closed one: the ticket's state, not the agent's rights.
    expect(criticality.statusCode).toBe(409);
    expect(criticality.json().error.code).toBe('conflict');
    const choices = await otherChoices();
    for (const [field, change] of [...Object.entries(choices), ['all', { ...choices.category, ...choices.module, ...choices.version, ...choices.environment }] as const]) {
      const res = await patch(number, { revision: closed.revision, ...change });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(criticality.statusCode);
      expect(res.json(), field).toEqual(criticality.json());
    }

    const after = (await get(number)).json();
    expect(classification(after)).toEqual(classification(closed));
    expect(after.revision).toBe(closed.revision);
    expect(after.history).toEqual(closed.history);
  });
});
