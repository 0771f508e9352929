import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { audit } from './audit.service';

type Event = { action: string; targetType: string; targetId: string; targetName: string | null };

describe('the audit log names its targets', () => {
  let t: TestApp;
  let system: string;
  let alfaAdmin: string;
  let alfaId: number;
  let betaId: number;
  const get = async (url: string, cookie: string): Promise<Event[]> => {
    const res = await request(t.app, { method: 'GET', url, cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().events;
  };
  const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload: object) => {
    const res = await request(t.app, { method, url, cookie, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    system = await signIn(t.app, 'sistema@atende.example');
    alfaAdmin = await signIn(t.app, 'admin@alfa.example');
    alfaId = (await t.db.selectFrom('company').select('id').where('name', '=', 'Alfa Indústria Ltda').executeTakeFirstOrThrow()).id;
    betaId = (await t.db.selectFrom('company').select('id').where('name', '=', 'Beta Comércio S.A.').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('gives every act the current name of its target, and null for one that no longer exists', async () => {
    const agent = await call('POST', '/api/admin/agents', system, { name: 'Rita Rede', email: 'rita@atende.example' });
    await call('PATCH', `/api/admin/agents/${agent.id}`, system, { active: false });
    const group = await call('POST', '/api/admin/groups', system, { name: 'Nuvem' });
    await call('PUT', `/api/admin/groups/${group.id}`, system, { name: 'Nuvem Azul' });
    const channel = await call('POST', '/api/admin/help-channels', system, { names: { 'pt-BR': 'Chat ao vivo', en: 'Live chat' }, url: 'https://chat.example.com' });
    const cloud = await t.db.selectFrom('service_line').select(['id', 'name']).where('code', '=', 'CLOUD').executeTakeFirstOrThrow();
    await audit(t.db, { actorId: null, action: 'catalog.service_line.updated', targetType: 'service_line', targetId: cloud.id, after: { active: true } });
    await audit(t.db, { actorId: null, action: 'group.updated', targetType: 'group', targetId: 999_999, after: { active: false } });

    const events = await get('/api/admin/audit', system);
    const named = (action: string, targetId: string | number) => events.filter((e) => e.action === action && e.targetId === String(targetId)).map((e) => e.targetName);
    expect(named('agent.invited', agent.id)).toEqual(['Rita Rede']);
    // The deactivation records only the state; the name comes from the person.
    expect(named('agent.updated', agent.id)).toEqual(['Rita Rede']);
    expect([...named('group.created', group.id), ...named('group.updated', group.id)]).toEqual(['Nuvem Azul', 'Nuvem Azul']);
    expect(named('help_channel.created', channel.id)).toEqual(['Chat ao vivo']);
    expect(named('catalog.service_line.updated', cloud.id)).toEqual([cloud.name]);
    expect(named('group.updated', 999_999)).toEqual([null]);
    // The fields the log had before are all still there.
    expect(events.find((e) => e.action === 'agent.updated')).toMatchObject({ actor: 'Sílvia Sistema', after: { active: false }, before: expect.objectContaining({ name: 'Rita Rede' }), createdAt: expect.any(String) });
  });

  it("names in the reader's language what has a name per language", async () => {
    await t.db.updateTable('person').set({ language: 'en' }).where('email', '=', 'sistema@atende.example').execute();
    const events = await get('/api/admin/audit?action=help_channel', system);
    expect(events.map((e) => e.targetName)).toEqual(['Live chat']);
    await t.db.updateTable('person').set({ language: 'pt-BR' }).where('email', '=', 'sistema@atende.example').execute();
  });

  it('filters by an area or by one action, never by a longer name that begins alike', async () => {
    await audit(t.db, { actorId: null, action: 'contacts.imported', targetType: 'company', targetId: alfaId, after: { created: 1 } });
    await audit(t.db, { actorId: null, action: 'contact.created', targetType: 'company', targetId: alfaId, after: { name: 'x' } });
    const actions = async (filter: string) => new Set((await get(`/api/admin/audit?action=${filter}`, system)).map((e) => e.action));
    const area = await actions('contact');
    expect(area).toContain('contact.created');
    expect([...area].every((a) => a.startsWith('contact.'))).toBe(true);
    // An empty filter, as a cleared field sends it, shows the whole log.
    const whole = new Set((await get('/api/admin/audit', system)).map((e) => e.action));
    expect(whole).toContain('contacts.imported');
    expect(await actions('')).toEqual(whole);
    expect(await actions('contacts')).toEqual(new Set(['contacts.imported']));
    expect(await actions('contact.created')).toEqual(new Set(['contact.created']));
    expect(await actions('contact.')).toEqual(new Set());
    const tooLarge = await request(t.app, { method: 'GET', url: '/api/admin/audit?before=3000000000', cookie: system });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.fields).toHaveProperty('before');
  });

  it("never tells a company's administrator a name from outside the company", async () => {
    const nina = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, { name: 'Nina Nova', email: 'nina@alfa.example' });
    const beta = await t.db.selectFrom('person').select(['id', 'name']).where('email', '=', 'contato@beta.example').executeTakeFirstOrThrow();
    const rm = await t.db.selectFrom('agent_group').select(['id', 'name']).where('name', '=', 'Suporte RM').executeTakeFirstOrThrow();
    // Rows of Alfa's log that point elsewhere (none do today): another company's person, the other company, a group.
    await audit(t.db, { actorId: null, companyId: alfaId, action: 'contact.updated', targetType: 'person', targetId: beta.id, after: { phone: '1' } });
    await audit(t.db, { actorId: null, companyId: alfaId, action: 'company.updated', targetType: 'company', targetId: betaId, after: { active: true } });
    await audit(t.db, { actorId: null, companyId: alfaId, action: 'group.updated', targetType: 'group', targetId: rm.id, after: { active: true } });

    const response = await request(t.app, { method: 'GET', url: `/api/companies/${alfaId}/audit`, cookie: alfaAdmin });
    const events: Event[] = response.json().events;
    expect(events.find((e) => e.action === 'contact.created' && e.targetId === nina.id)?.targetName).toBe('Nina Nova');
    expect(events.slice(0, 3).map((e) => e.targetName)).toEqual([null, null, null]);
    for (const name of [beta.name, 'Beta Comércio S.A.', rm.name]) expect(response.body).not.toContain(name);

    // The same rows in the system administrator's log, who may know every name.
    const all = await get(`/api/admin/audit?companyId=${alfaId}`, system);
    expect(all.slice(0, 3).map((e) => e.targetName)).toEqual([rm.name, 'Beta Comércio S.A.', beta.name]);
  });
});
