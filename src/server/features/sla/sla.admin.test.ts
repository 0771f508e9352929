import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signInRoles, type TestApp } from '../../test/harness';
import { slaVersion } from './sla.setup';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const commercial = [[], ...[1, 2, 3, 4, 5].map(() => [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]), []];
const target = (firstResponse: number | null, nextResponse: number | null, resolution: number | null) => ({ firstResponse, nextResponse, resolution });
const targets = {
  critical: target(60, 120, 240),
  high: target(240, 480, 1080),
  medium: target(480, 960, 2700),
  low: target(1080, 1080, 5400),
  planning: target(1080, 2700, null),
};

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Atende//test//PT',
  'BEGIN:VEVENT',
  'UID:recesso@atende',
  'DTSTART;VALUE=DATE:20261228',
  'DTEND;VALUE=DATE:20261231',
  'SUMMARY:Recesso de fim de ano',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('SLA administration', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const call = (method: Method, url: string, cookie: string | undefined, payload?: object) =>
    request(t.app, { method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
  const admin = (method: Method, url: string, payload?: object) => call(method, url, cookies.admin, payload);
  const calendar = { name: 'Comercial Teste', timeZone: 'America/Sao_Paulo', hours: commercial, holidayState: 'SP', holidayCity: 'SP', holidays: [] };

  beforeAll(async () => {
    t = await buildTestApp();
    Object.assign(cookies, await signInRoles(t.app));
  });
  afterAll(() => t.close());

  it('is closed to everyone but the system administrator', async () => {
    const routes: [Method, string, object?][] = [
      ['GET', '/api/admin/sla/calendars'],
      ['POST', '/api/admin/sla/calendars', calendar],
      ['PUT', '/api/admin/sla/calendars/1', { ...calendar, revision: 1 }],
      ['DELETE', '/api/admin/sla/calendars/1?revision=1'],
      ['GET', '/api/admin/sla/holidays?year=2026'],
      ['GET', '/api/admin/sla/regions'],
      ['POST', '/api/admin/sla/ics', { text: ics }],
      ['GET', '/api/admin/sla/policies'],
      ['POST', '/api/admin/sla/policies', { name: 'X', calendarId: 1, targets }],
      ['PUT', '/api/admin/sla/policies/1', { name: 'X', calendarId: 1, targets, revision: 1 }],
      ['PUT', '/api/admin/sla/policies/order', { policies: [{ id: 1, revision: 1 }] }],
      ['POST', '/api/admin/sla/preview', { calendarId: 1, targets: targets.high }],
      ['GET', '/api/admin/sla/support-tiers'],
      ['PUT', '/api/admin/sla/support-tiers/1', { supportTier: 'Premium', previous: null }],
      ['GET', '/api/admin/sla/escalation'],
      ['PUT', '/api/admin/sla/escalation/1', { personIds: [], previous: [] }],
    ];
    const version = await slaVersion(t.db);
    for (const [method, url, body] of routes) {
      expect((await call(method, url, undefined, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
      for (const role of ['agent', 'portalAdmin', 'contact']) {
        expect((await call(method, url, cookies[role], body)).statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    // Nothing was written by the refused calls.
    expect(await slaVersion(t.db)).toBe(version);
    expect(await t.db.selectFrom('sla_calendar').select('id').where('name', '=', calendar.name).execute()).toHaveLength(0);
  });

  it('lists the holidays of a year by name: national (Carnaval, Corpus Christi), São Paulo state and city', async () => {
    const national = (await admin('GET', '/api/admin/sla/holidays?year=2026')).json();
    expect(national.holidays).toEqual(expect.arrayContaining([{ date: '2026-02-16', name: expect.stringMatching(/Carnaval/), scope: 'national' }, { date: '2026-06-04', name: expect.any(String), scope: 'national' }]));
    const city = (await admin('GET', '/api/admin/sla/holidays?year=2026&state=SP&city=SP')).json();
    expect(city.holidays).toEqual(expect.arrayContaining([{ date: '2026-07-09', name: 'Revolução Constitucionalista', scope: 'state' }, { date: '2026-01-25', name: 'Aniversário da Cidade', scope: 'city' }]));
    expect(national.holidays.map((h: { date: string }) => h.date)).not.toContain('2026-01-25');
    const regions = (await admin('GET', '/api/admin/sla/regions')).json();
    expect(regions.states.find((s: { code: string }) => s.code === 'SP')).toEqual({ code: 'SP', name: 'São Paulo', cities: [{ code: 'SP', name: 'São Paulo' }] });
    const unknown = await admin('GET', '/api/admin/sla/holidays?year=2026&state=XX');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ state: 'Escolha uma opção da lista.' });
  });

  it('reads an ICS file into days, and refuses one that is no calendar on its field', async () => {
    const read = await admin('POST', '/api/admin/sla/ics', { text: ics });
    expect(read.statusCode).toBe(200);
    expect(read.json().holidays).toEqual([
      { date: '2026-12-28', name: 'Recesso de fim de ano' },
      { date: '2026-12-29', name: 'Recesso de fim de ano' },
      { date: '2026-12-30', name: 'Recesso de fim de ano' },
    ]);
    const bad = await admin('POST', '/api/admin/sla/ics', { text: 'BEGIN:VCALENDAR\r\nthis is not' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ text: 'Não foi possível ler este arquivo ICS (iCalendar).' });
  });

  it('refuses bad hours, zones and holidays naming each field, and writes nothing', async () => {
    const version = await slaVersion(t.db);
    const calendarsBefore = (await t.db.selectFrom('sla_calendar').select('id').execute()).length;
    const bad = await admin('POST', '/api/admin/sla/calendars', {
      ...calendar,
      timeZone: 'America/Atlantida',
      hours: [[], [{ start: '18:00', end: '08:00' }], [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }], [{ start: '25:00', end: '26:00' }], [], [], []],
      holidays: [{ date: '2026-12-24', name: 'Véspera' }, { date: '2026-12-24', name: 'De novo' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      timeZone: 'Escolha um fuso horário da lista (ex.: America/Sao_Paulo).',
      'hours.1.0.end': 'O fim do período precisa ser depois do início (para passar da meia-noite, use dois dias).',
      'hours.2.1.start': 'Este período se sobrepõe a outro do mesmo dia.',
      'hours.3.0.start': 'Use um horário entre 00:00 e 24:00 (HH:MM).',
      'hours.3.0.end': 'Use um horário entre 00:00 e 24:00 (HH:MM).',
      'holidays.1.date': 'Esta data já está na lista.',
    });
    const city = await admin('POST', '/api/admin/sla/calendars', { ...calendar, holidayState: 'RJ', holidayCity: 'SP' });
    expect(city.json().error.fields).toEqual({ holidayCity: 'Escolha uma opção da lista.' });
    // In the administrator's language.
    await admin('PATCH', '/api/me', { language: 'en' });
    try {
      const english = await admin('POST', '/api/admin/sla/calendars', { ...calendar, timeZone: 'Nowhere/Else' });
      expect(english.json().error.fields).toEqual({ timeZone: 'Choose a time zone from the list (e.g. America/Sao_Paulo).' });
    } finally {
      await admin('PATCH', '/api/me', { language: 'pt-BR' });
    }
    expect(await slaVersion(t.db)).toBe(version);
    expect(await t.db.selectFrom('sla_calendar').select('id').execute()).toHaveLength(calendarsBefore);
  });

  let calendarId: number;
  it('creates a calendar with a city holiday and company closures; edits it from its revision; a stale edit is a 409', async () => {
    const version = await slaVersion(t.db);
    const created = await admin('POST', '/api/admin/sla/calendars', { ...calendar, holidays: [{ date: '2026-12-24', name: 'Véspera de Natal' }, { date: '2026-12-28', name: 'Recesso', source: 'ics' }] });
    expect(created.statusCode).toBe(201);
    calendarId = created.json().id;
    expect(created.json()).toMatchObject({
      name: 'Comercial Teste',
      timeZone: 'America/Sao_Paulo',
      hours: commercial,
      holidayCountry: 'BR',
      holidayState: 'SP',
      holidayCity: 'SP',
      holidays: [
        { date: '2026-12-24', name: 'Véspera de Natal', source: 'manual' },
        { date: '2026-12-28', name: 'Recesso', source: 'ics' },
      ],
      policies: 0,
      revision: 1,
    });
    expect(await slaVersion(t.db)).toBe(version + 1);
    const duplicate = await admin('POST', '/api/admin/sla/calendars', calendar);
    expect(duplicate.json().error.fields).toEqual({ name: 'Já existe um item com este nome.' });

    const edited = await admin('PUT', `/api/admin/sla/calendars/${calendarId}`, { ...calendar, hours: commercial.map((d, i) => (i === 6 ? [{ start: '08:00', end: '12:00' }] : d)), holidays: [], revision: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ revision: 2, holidays: [] });
    expect(edited.json().hours[6]).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(await slaVersion(t.db)).toBe(version + 2);

    const staleEdit = await admin('PUT', `/api/admin/sla/calendars/${calendarId}`, { ...calendar, name: 'Outro nome', revision: 1 });
    expect(staleEdit.statusCode).toBe(409);
    expect(staleEdit.json().error).toMatchObject({ code: 'conflict', revision: 2 });
    expect((await admin('GET', '/api/admin/sla/calendars')).json().calendars.find((c: { id: number }) => c.id === calendarId).name).toBe('Comercial Teste');
    expect(await slaVersion(t.db)).toBe(version + 2);

    const log = await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('target_type', '=', 'sla_calendar').orderBy('id').execute();
    expect(log).toEqual([
      { action: 'sla.calendar.created', target_id: String(calendarId) },
      { action: 'sla.calendar.updated', target_id: String(calendarId) },
    ]);
  });

  const policyIds: number[] = [];
  it('adds policies at the end, refuses unknown references on their field, and edits from the revision seen', async () => {
    const rm = await t.db.selectFrom('service_line').select('id').where('code', '=', 'RM').executeTakeFirstOrThrow();
    const unknown = await admin('POST', '/api/admin/sla/policies', { name: 'Ruim', calendarId: 999_999, match: { serviceLineIds: [999_999] }, targets });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ calendarId: 'Escolha uma opção da lista.', 'match.serviceLineIds': 'Escolha uma opção da lista.' });
    const negative = await admin('POST', '/api/admin/sla/policies', { name: 'Ruim', calendarId, targets: { ...targets, high: target(-5, null, 1.5) } });
    expect(Object.keys(negative.json().error.fields).sort()).toEqual(['targets.high.firstResponse', 'targets.high.resolution']);

    for (const [name, match] of [
      ['RM Alta', { serviceLineIds: [rm.id], criticalities: ['high', 'critical'] }],
      ['Premium', { supportTiers: ['Premium'] }],
      ['Padrão', {}],
    ] as const) {
      const created = await admin('POST', '/api/admin/sla/policies', { name, calendarId, match, targets, pauseOnHold: name === 'Padrão' });
      expect(created.statusCode).toBe(201);
      policyIds.push(created.json().id);
    }
    // After the demo's policies, in the order added.
    const list = (await admin('GET', '/api/admin/sla/policies')).json().policies;
    expect(list.slice(-3).map((p: { name: string }) => p.name)).toEqual(['RM Alta', 'Premium', 'Padrão']);
    expect(list.at(-3)).toMatchObject({ active: true, calendarId, pauseOnHold: false, revision: 1, match: { serviceLineIds: [rm.id], criticalities: ['high', 'critical'], channelIds: [], supportTiers: [] }, targets });
    expect((await admin('GET', '/api/admin/sla/calendars')).json().calendars.find((c: { id: number }) => c.id === calendarId).policies).toBe(3);

    const edited = await admin('PUT', `/api/admin/sla/policies/${policyIds[1]}`, { name: 'Premium 24h', calendarId, match: { supportTiers: ['Premium'] }, targets, active: false, revision: 1 });
    expect(edited.json()).toMatchObject({ name: 'Premium 24h', active: false, revision: 2 });
    const staleEdit = await admin('PUT', `/api/admin/sla/policies/${policyIds[1]}`, { name: 'Premium', calendarId, targets, revision: 1 });
    expect(staleEdit.statusCode).toBe(409);
    expect(staleEdit.json().error.revision).toBe(2);
  });

  it('reorders every policy at once from the revisions seen; a stale or partial order changes nothing', async () => {
    const seen = (await admin('GET', '/api/admin/sla/policies')).json().policies as { id: number; revision: number; name: string }[];
    const ids = seen.map((p) => p.id);
    const version = await slaVersion(t.db);
    const partial = await admin('PUT', '/api/admin/sla/policies/order', { policies: seen.slice(1) });
    expect(partial.statusCode).toBe(400);
    // "Padrão" (the last) to the top, everything else after it.
    const order = [seen.at(-1)!, ...seen.slice(0, -1)].map(({ id, revision }) => ({ id, revision }));
    const stale = await admin('PUT', '/api/admin/sla/policies/order', { policies: order.map((p, i) => (i === 1 ? { ...p, revision: p.revision - 1 } : p)) });
    expect(stale.statusCode).toBe(409);
    expect(((await admin('GET', '/api/admin/sla/policies')).json().policies as { id: number }[]).map((p) => p.id)).toEqual(ids);
    expect(await slaVersion(t.db)).toBe(version);

    const moved = await admin('PUT', '/api/admin/sla/policies/order', { policies: order });
    expect(moved.statusCode).toBe(200);
    const names = [seen.at(-1)!.name, ...seen.slice(0, -1).map((p) => p.name)];
    expect(moved.json().policies.map((p: { name: string }) => p.name)).toEqual(names);
    expect(names[0]).toBe('Padrão');
    expect(await slaVersion(t.db)).toBe(version + 1);
    const entry = await t.db.selectFrom('audit_event').select(['after']).where('action', '=', 'sla.policy.reordered').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after!)).toEqual({ order: names });
  });

  it('previews due times on the calendar: a Friday-evening Alta ticket is due on Monday, past the São Paulo holiday', async () => {
    // Friday 2027-01-22 17:00 in São Paulo (UTC−3): 1 h left that day; Monday 25 is the city's anniversary.
    const preview = await admin('POST', '/api/admin/sla/preview', { calendarId, targets: targets.high, at: '2027-01-22T20:00:00.000Z' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      at: '2027-01-22T20:00:00.000Z',
      // 1 h on Friday, then Saturday 08:00–11:00 (this calendar opens Saturday mornings).
      firstResponse: '2027-01-23T14:00:00.000Z',
      // 1 h Friday + 4 h Saturday, Monday is a holiday, 3 h on Tuesday from 08:00: 11:00.
      nextResponse: '2027-01-26T14:00:00.000Z',
      resolution: expect.any(String),
    });
    const none = await admin('POST', '/api/admin/sla/preview', { calendarId, targets: targets.planning, at: '2027-01-22T20:00:00.000Z' });
    expect(none.json().resolution).toBeNull();
    const unknown = await admin('POST', '/api/admin/sla/preview', { calendarId: 999_999, targets: targets.high });
    expect(unknown.json().error.fields).toEqual({ calendarId: 'Escolha uma opção da lista.' });
  });

  it('keeps a calendar a policy uses; deletes an unused one from its revision', async () => {
    expect((await admin('DELETE', `/api/admin/sla/calendars/${calendarId}?revision=2`)).statusCode).toBe(409);
    const spare = (await admin('POST', '/api/admin/sla/calendars', { ...calendar, name: '24×7 Teste', hours: [0, 1, 2, 3, 4, 5, 6].map(() => [{ start: '00:00', end: '24:00' }]), holidayState: null, holidayCity: null })).json();
    expect((await admin('DELETE', `/api/admin/sla/calendars/${spare.id}?revision=0`)).statusCode).toBe(409);
    expect((await admin('DELETE', `/api/admin/sla/calendars/${spare.id}?revision=1`)).statusCode).toBe(204);
    const names = (await admin('GET', '/api/admin/sla/calendars')).json().calendars.map((c: { name: string }) => c.name);
    expect(names).toContain('Comercial Teste');
    expect(names).not.toContain('24×7 Teste');
  });

  it("sets a company's support tier from the one seen, and a group's escalation contacts from those seen", async () => {
    const alfa = await t.db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow();
    const version = await slaVersion(t.db);
    const set = await admin('PUT', `/api/admin/sla/support-tiers/${alfa.id}`, { supportTier: 'Premium', previous: null });
    expect(set.statusCode).toBe(200);
    expect(set.json().companies.find((c: { id: number }) => c.id === alfa.id).supportTier).toBe('Premium');
    expect(set.json().tiers).toEqual(['Premium']);
    expect((await admin('PUT', `/api/admin/sla/support-tiers/${alfa.id}`, { supportTier: 'Básico', previous: null })).statusCode).toBe(409);
    expect((await admin('PUT', `/api/admin/sla/support-tiers/${alfa.id}`, { supportTier: 'x'.repeat(41), previous: 'Premium' })).json().error.fields).toEqual({ supportTier: 'Use no máximo 40 caracteres.' });
    expect(await slaVersion(t.db)).toBe(version + 1);

    const group = await t.db.selectFrom('agent_group').select('id').orderBy('id').executeTakeFirstOrThrow();
    const agent = await t.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow();
    const contact = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
    const customer = await admin('PUT', `/api/admin/sla/escalation/${group.id}`, { personIds: [contact.id], previous: [] });
    expect(customer.json().error.fields).toEqual({ personIds: 'Escolha uma opção da lista.' });
    const saved = await admin('PUT', `/api/admin/sla/escalation/${group.id}`, { personIds: [agent.id], previous: [] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().groups.find((g: { id: number }) => g.id === group.id).contactIds).toEqual([agent.id]);
    expect((await admin('PUT', `/api/admin/sla/escalation/${group.id}`, { personIds: [], previous: [] })).statusCode).toBe(409);
    expect((await admin('GET', '/api/admin/sla/escalation')).json().groups.find((g: { id: number }) => g.id === group.id).contactIds).toEqual([agent.id]);
    const actions = (await t.db.selectFrom('audit_event').select('action').where('action', 'in', ['sla.company.tier', 'sla.group.escalation']).execute()).map((a) => a.action);
    expect(actions).toEqual(['sla.company.tier', 'sla.group.escalation']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json', undefined)).json();
    for (const path of ['/api/admin/sla/calendars', '/api/admin/sla/calendars/{id}', '/api/admin/sla/policies/order', '/api/admin/sla/preview', '/api/admin/sla/ics', '/api/admin/sla/support-tiers/{id}', '/api/admin/sla/escalation/{id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
