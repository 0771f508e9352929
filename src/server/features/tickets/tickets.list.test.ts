import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';
import { ticketList, ticketListEntry, ticketSummaryView } from '../../../contracts/tickets';

describe('reading and listing tickets', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const numbers: Record<string, number> = {};

  const open = async (who: string, name: string, overrides: Record<string, unknown> = {}, line = 'RM') => {
    const form = await demoForm(t.db, line);
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', payload: { ...form.fields, ...overrides }, cookie: cookies[who] });
    expect(res.statusCode, res.body).toBe(201);
    numbers[name] = res.json().number;
  };
  const list = async (who: string, query = '') => {
    const res = await request(t.app, { method: 'GET', url: `/api/tickets${query}`, cookie: cookies[who] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { tickets: { number: number; summary: string }[]; nextCursor: string | null };
  };
  const numbersOf = async (who: string, query = '') => (await list(who, query)).tickets.map((x) => x.number).sort((a, b) => a - b);

  beforeAll(async () => {
    t = await buildTestApp();
    for (const email of ['contato@alfa.example', 'admin@alfa.example', 'contato@beta.example', 'admin@beta.example', 'analista@atende.example']) {
      cookies[email.split('.')[0]!] = await signIn(t.app, email);
    }
    await open('contato@alfa', 'alfaContact', { summary: 'Cálculo do INSS errado', incident: 'A folha de pagamento calcula o INSS com alíquota antiga.' });
    await open('admin@alfa', 'alfaAdmin', { summary: 'Relatório de férias lento', incident: 'Demora dez minutos.', additionalEmails: ['contato@alfa.example'] });
    await open('admin@alfa', 'alfaAdminPrivate', { summary: 'Rescisão sem aviso prévio', incident: 'O aviso não aparece.' });
    await open('contato@beta', 'beta', { summary: 'Nota fiscal rejeitada pela SEFAZ', incident: 'Rejeição 225 da SEFAZ.' }, 'DATASUL');
  });
  afterAll(() => t.close());

  it('shows a contact the tickets they requested or are copied on', async () => {
    expect(await numbersOf('contato@alfa')).toEqual([numbers.alfaContact, numbers.alfaAdmin]);
  });

  it('shows a portal administrator every ticket of the company', async () => {
    expect(await numbersOf('admin@alfa')).toEqual([numbers.alfaContact, numbers.alfaAdmin, numbers.alfaAdminPrivate]);
  });

  it('shows a contact who sees all company tickets every one of them', async () => {
    await t.db.updateTable('membership').set({ sees_all_tickets: true }).where('person_id', '=', (await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow()).id).execute();
    expect(await numbersOf('contato@alfa')).toHaveLength(3);
    await t.db.updateTable('membership').set({ sees_all_tickets: false }).where('is_portal_admin', '=', false).execute();
  });

  it('never lets company B read, list, search or count company A\'s tickets', async () => {
    // Alfa's lists first: Beta's of the same shape run the query compiled for Alfa's, with Beta's values.
    expect(await numbersOf('admin@alfa', '?q=INSS')).toEqual([numbers.alfaContact]);
    expect(await numbersOf('admin@alfa', `?q=${numbers.alfaContact}`)).toEqual([numbers.alfaContact]);
    expect(await numbersOf('admin@beta')).toEqual([numbers.beta]);
    expect(await numbersOf('admin@beta', `?q=${numbers.alfaContact}`)).toEqual([]);
    expect(await numbersOf('admin@beta', '?q=INSS')).toEqual([]);
    const foreign = await request(t.app, { method: 'GET', url: `/api/tickets/${numbers.alfaContact}`, cookie: cookies['admin@beta'] });
    const missing = await request(t.app, { method: 'GET', url: '/api/tickets/999999', cookie: cookies['admin@beta'] });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    // A contact of the same company without the right sees the same 404.
    const hidden = await request(t.app, { method: 'GET', url: `/api/tickets/${numbers.alfaAdminPrivate}`, cookie: cookies['contato@alfa'] });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });

  it('lets agents read every ticket', async () => {
    expect(await numbersOf('analista@atende')).toHaveLength(4);
  });

  it('searches by number and by words of the summary or incident', async () => {
    expect(await numbersOf('admin@alfa', `?q=${numbers.alfaAdmin}`)).toEqual([numbers.alfaAdmin]);
    expect(await numbersOf('admin@alfa', '?q=INSS')).toEqual([numbers.alfaContact]);
    expect(await numbersOf('admin@alfa', `?q=${encodeURIComponent('alíquota')}`)).toEqual([numbers.alfaContact]);
    expect(await numbersOf('admin@alfa', '?q=rescisão')).toEqual([numbers.alfaAdminPrivate]);
    expect(await numbersOf('admin@alfa', '?q=inexistente')).toEqual([]);
  });

  it('filters by channel, service line, status and period', async () => {
    expect(await numbersOf('analista@atende', '?channel=relationship')).toEqual([]);
    expect(await numbersOf('analista@atende', '?channel=software')).toHaveLength(4);
    const datasul = await t.db.selectFrom('service_line').select('id').where('code', '=', 'DATASUL').executeTakeFirstOrThrow();
    expect(await numbersOf('analista@atende', `?serviceLineId=${datasul.id}`)).toEqual([numbers.beta]);
    expect(await numbersOf('analista@atende', '?status=new')).toHaveLength(4);
    expect(await numbersOf('analista@atende', '?status=closed')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await numbersOf('analista@atende', `?from=${today}&to=${today}`)).toHaveLength(4);
    expect(await numbersOf('analista@atende', '?to=2000-01-01')).toEqual([]);
    const bad = await request(t.app, { method: 'GET', url: '/api/tickets?from=yesterday&status=lost', cookie: cookies['admin@alfa'] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['from', 'status']);
  });

  it('reads the period as calendar days of the reader\'s time zone', async () => {
    const dayIn = (timeZone: string, shiftDays = 0) =>
      new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + shiftDays * 86_400_000);
    // Kiritimati is 14 hours ahead of UTC, Pago Pago 11 behind: "today" differs, and each zone's own today holds the tickets.
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo']) {
      const today = dayIn(zone);
      expect(await numbersOf('analista@atende', `?from=${today}&to=${today}&tz=${zone}`)).toHaveLength(4);
      const yesterday = dayIn(zone, -1);
      expect(await numbersOf('analista@atende', `?from=${yesterday}&to=${yesterday}&tz=${zone}`)).toEqual([]);
    }
    const bad = await request(t.app, { method: 'GET', url: '/api/tickets?from=2026-01-01&tz=Mars/Olympus', cookie: cookies['admin@alfa'] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['tz']);
  });

  it('pages with a cursor, without gaps or repeats, in either order', async () => {
    for (let i = 0; i < 7; i++) await open('admin@alfa', `extra${i}`, { summary: `Extra ${i}` });
    // Pages of 5 and 10 end exactly at the last ticket: no cursor leads to an empty page.
    for (const [sort, order, limit] of ['updated', 'created', 'number'].flatMap((sort) => ['desc', 'asc'].flatMap((order) => [3, 5, 10].map((limit) => [sort, order, limit] as const)))) {
      const seen: number[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await list('admin@alfa', `?limit=${limit}&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.tickets.map((x) => x.number));
        sizes.push(page.tickets.length);
        cursor = page.nextCursor;
      } while (cursor);
      expect(sizes, `${sort} ${order} ${limit}`).toEqual({ 3: [3, 3, 3, 1], 5: [5, 5], 10: [10] }[limit]);
      const sorted = [...seen].sort((a, b) => (order === 'asc' ? a - b : b - a));
      expect(seen).toEqual(sorted);
      expect(new Set(seen).size).toBe(10);
    }

    // Most critical first, then oldest: pages of 3 in the order the database sorts the tickets.
    const alfa = await t.db.selectFrom('ticket').select(['id', 'number', 'criticality_rank', 'company_id']).where('number', 'in', Object.values(numbers)).execute();
    const alfaId = alfa.find((x) => x.number === numbers.alfaAdmin)!.company_id;
    for (const ticket of alfa) await t.db.updateTable('ticket').set({ criticality_rank: (ticket.number * 7) % 4 + 1 }).where('id', '=', ticket.id).execute();
    const expected = await t.db
      .selectFrom('ticket')
      .select('number')
      .where('company_id', '=', alfaId)
      .orderBy('criticality_rank')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const byCriticality: number[] = [];
    let next: string | null = null;
    do {
      const page = await list('admin@alfa', `?limit=3&sort=criticality${next ? `&cursor=${next}` : ''}`);
      byCriticality.push(...page.tickets.map((x) => x.number));
      next = page.nextCursor;
    } while (next);
    expect(new Set(byCriticality.map((n) => (n * 7) % 4)).size).toBeGreaterThan(1);
    expect(byCriticality).toEqual(expected.map((x) => x.number));
    for (const ticket of alfa) await t.db.updateTable('ticket').set({ criticality_rank: ticket.criticality_rank }).where('id', '=', ticket.id).execute();

    const bad = await request(t.app, { method: 'GET', url: '/api/tickets?cursor=garbage', cookie: cookies['admin@alfa'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('cursor');
  });

  it('refuses a page size that is no whole number from 1 to 100, saying why', async () => {
    const reasons: Record<string, string> = {
      '0': 'Use um número a partir de 1.',
      '101': 'Use um número até 100.',
      '2.5': 'Use um número inteiro.',
      many: 'Use um número.',
    };
    for (const [limit, reason] of Object.entries(reasons)) {
      const res = await request(t.app, { method: 'GET', url: `/api/tickets?limit=${limit}`, cookie: cookies['admin@alfa'] });
      expect(res.statusCode, limit).toBe(400);
      expect(res.json().error.fields).toEqual({ limit: reason });
    }
  });

  it('refuses days outside the years a period may span with a 400 naming the field, in the reader\'s language', async () => {
    const refused = [
      ['?to=9999-12-31', 'to'],
      ['?from=0000-01-01', 'from'],
      ['?from=1899-12-31&to=2026-01-01', 'from'],
      ['?from=2026-01-01&to=9999-01-01&tz=Pacific/Kiritimati', 'to'],
    ] as const;
    const answers = [];
    for (const [query] of refused) {
      const res = await request(t.app, { method: 'GET', url: `/api/tickets${query}`, cookie: cookies['admin@alfa'] });
      answers.push([query, res.statusCode, res.json().error]);
    }
    expect(answers).toEqual(refused.map(([query, field]) => [query, 400, expect.objectContaining({ code: 'validation', fields: { [field]: 'Informe uma data válida.' } })]));
    const person = (await t.db.selectFrom('person').select(['id', 'language']).where('email', '=', 'admin@beta.example').executeTakeFirstOrThrow());
    await t.db.updateTable('person').set({ language: 'en' }).where('id', '=', person.id).execute();
    try {
      const res = await request(t.app, { method: 'GET', url: '/api/tickets?to=9999-12-31', cookie: cookies['admin@beta'] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ to: 'Enter a valid date.' });
    } finally {
      await t.db.updateTable('person').set({ language: person.language }).where('id', '=', person.id).execute();
    }
    // The first and last years accepted still list.
    expect(await numbersOf('analista@atende', '?from=1900-01-01&to=9998-12-31&tz=Pacific/Kiritimati')).not.toEqual([]);
  });

  it('refuses ids past the database\'s integer with a 400 naming the field, on either engine', async () => {
    const list = await request(t.app, { method: 'GET', url: '/api/tickets?serviceLineId=3000000000', cookie: cookies['admin@alfa'] });
    expect(list.statusCode).toBe(400);
    expect(list.json().error.fields).toEqual({ serviceLineId: 'Use um número até 2000000000.' });
    const form = await request(t.app, { method: 'GET', url: '/api/service-lines/3000000000/form', cookie: cookies['admin@alfa'] });
    expect(form.statusCode).toBe(400);
    expect(form.json().error.fields).toHaveProperty('id');
  });

  it('refuses a cursor whose values do not fit the sort, on either engine', async () => {
    const encode = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
    // A number where a time is sorted, a time where a number is, an id out of range, a date that is not one.
    for (const [sort, cursor] of [
      ['updated', { v: [12], id: 1 }],
      ['number', { v: ['2026-11-28T10:00:00.000Z'], id: 1 }],
      ['created', { v: ['abc'], id: 1 }],
      ['criticality', { v: [1, 'abc'], id: 1 }],
      ['number', { v: [1], id: 1e300 }],
    ] as const) {
      const res = await request(t.app, { method: 'GET', url: `/api/tickets?sort=${sort}&cursor=${encode(cursor)}`, cookie: cookies['admin@alfa'] });
      expect(res.statusCode, `${sort} ${JSON.stringify(cursor)}: ${res.body}`).toBe(400);
      expect(res.json().error.fields).toHaveProperty('cursor');
    }
  });

  it('lists a search newest number first and pages through it in either order, also sorted by opening', async () => {
    const extras = Array.from({ length: 7 }, (_, i) => numbers[`extra${i}`]!);
    for (const sort of ['', '&sort=created']) {
      for (const order of ['desc', 'asc']) {
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const page = await list('admin@alfa', `?q=extra&limit=3${sort}${order === 'asc' ? '&order=asc' : ''}${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...page.tickets.map((x) => x.number));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen, `${sort} ${order}`).toEqual(order === 'asc' ? extras : [...extras].reverse());
      }
    }
    // Asked for another order, a search keeps it.
    const byUpdate = await list('admin@alfa', '?q=extra&sort=updated&order=asc');
    expect(byUpdate.tickets.map((x) => x.number)).toEqual(extras);
    expect(await numbersOf('admin@beta', '?q=extra')).toEqual([]);
  });

  it('matches whole words, or the beginning of a word marked with *', async () => {
    expect(await numbersOf('admin@alfa', '?q=relat')).toEqual([]);
    expect(await numbersOf('admin@alfa', `?q=${encodeURIComponent('relat*')}`)).toEqual([numbers.alfaAdmin]);
    expect(await numbersOf('admin@alfa', `?q=${encodeURIComponent('férias relat*')}`)).toEqual([numbers.alfaAdmin]);
    expect(await numbersOf('admin@alfa', `?q=${encodeURIComponent('rescisão relat*')}`)).toEqual([]);
  });

  it('answers any typed text as words, never as the search engine\'s syntax', async () => {
    // Quotes, operators, column filters, marks, scripts and symbols: each a list, maybe empty.
    for (const q of ['"INSS', 'INSS OR rescisão', 'scope : c1', 'NEAR(a b)', 'a-b c.d', 'ação\u0301', 'İnss', '東京', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '😀 INSS', '*', 'INSS**', '^INSS']) {
      for (const sort of ['', '&sort=updated']) await list('admin@alfa', `?q=${encodeURIComponent(q)}${sort}`);
    }
    expect(await numbersOf('admin@alfa', `?q=${encodeURIComponent('"INSS')}`)).toEqual(await numbersOf('admin@alfa', '?q=INSS'));
  });

  it('lists each ticket as its own page shows it, "on hold" as in progress to customers', async () => {
    await t.db.updateTable('ticket').set({ status: 'on_hold' }).where('number', '=', numbers.alfaAdmin!).execute();
    for (const who of ['admin@alfa', 'contato@alfa', 'analista@atende']) {
      const page = await list(who, '?limit=100');
      expect(ticketList.parse(page)).toEqual(page);
      for (const summary of page.tickets) {
        const view = (await request(t.app, { method: 'GET', url: `/api/tickets/${summary.number}`, cookie: cookies[who] })).json();
        // Agents' rows add the columns a view may show (never to customers), as the page shows them.
        const keys = who === 'analista@atende' ? Object.keys(ticketListEntry.shape) : Object.keys(ticketSummaryView.shape);
        expect(summary).toEqual(Object.fromEntries(keys.map((key) => [key, view[key]])));
      }
      const held = page.tickets.find((x) => x.number === numbers.alfaAdmin) as { status: string } | undefined;
      expect(held?.status).toBe(who === 'analista@atende' ? 'on_hold' : 'in_progress');
    }
    await t.db.updateTable('ticket').set({ status: 'new' }).where('number', '=', numbers.alfaAdmin!).execute();
  });

  it('needs a session', async () => {
    expect((await request(t.app, { method: 'GET', url: '/api/tickets' })).statusCode).toBe(401);
    expect((await request(t.app, { method: 'GET', url: `/api/tickets/${numbers.beta}` })).statusCode).toBe(401);
  });
});

describe('the ticket form of a service line', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const formOf = async (email: string, code: string) => {
    const line = await t.db.selectFrom('service_line').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    return request(t.app, { method: 'GET', url: `/api/service-lines/${line.id}/form`, cookie: await signIn(t.app, email) });
  };

  it('offers the line\'s modules with their routines, versions, environments and the guide\'s lists', async () => {
    const res = await formOf('contato@alfa.example', 'RM');
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.modules.map((m: { name: string }) => m.name)).toEqual(['RM Labore', 'RM Fluxus', 'RM Nucleus']);
    expect(form.modules[0].routines.map((r: { name: string }) => r.name)).toContain('Folha de pagamento');
    expect(form.versions).toHaveLength(3);
    expect(form.categories.map((c: { name: string }) => c.name)).toEqual([
      'Atendimento/Dúvida/Análise', 'Não-conformidade', 'Consultoria', 'Sugestão de melhorias', 'Solicitação de customização',
    ]);
    expect(form.categories[1].help).toContain('BUG');
    expect(form.origins.map((o: { name: string }) => o.name)).toEqual([
      'Cliente em produção', 'Cliente em fase de implantação', 'Cliente em análise de nova versão', 'Cliente beta ou piloto',
    ]);
    expect(form.companies).toEqual([expect.objectContaining({ name: 'Alfa Indústria Ltda', country: 'BR', mayRequestConsulting: false })]);
    expect(form.canOpenOnBehalf).toBe(false);
    expect(form.matrix.high.high).toBe('critical');
  });

  it('hides the lists a line does not use', async () => {
    const form = (await formOf('contato@alfa.example', 'OUVIDORIA')).json();
    expect(form.versions).toEqual([]);
    expect(form.environments).toEqual([]);
  });

  it('answers 404 for a line the company is not entitled to', async () => {
    expect((await formOf('contato@beta.example', 'RM')).statusCode).toBe(404);
  });

  it('offers agents every line and the on-behalf option', async () => {
    const form = (await formOf('analista@atende.example', 'RM')).json();
    expect(form.canOpenOnBehalf).toBe(true);
  });

  it('lets only staff pick companies and contacts', async () => {
    const agent = await signIn(t.app, 'analista@atende.example');
    const companies = (await request(t.app, { method: 'GET', url: '/api/companies?q=Beta', cookie: agent })).json().companies;
    expect(companies.map((c: { name: string }) => c.name)).toEqual(['Beta Comércio S.A.']);
    const folded = (await request(t.app, { method: 'GET', url: '/api/companies?q=COMERCIO', cookie: agent })).json().companies;
    expect(folded.map((c: { name: string }) => c.name)).toEqual(['Beta Comércio S.A.']);
    const contacts = (await request(t.app, { method: 'GET', url: `/api/companies/${companies[0].id}/contacts`, cookie: agent })).json().contacts;
    expect(contacts.map((c: { email: string }) => c.email).sort()).toEqual(['admin@beta.example', 'contato@beta.example']);
    const customer = await signIn(t.app, 'admin@alfa.example');
    expect((await request(t.app, { method: 'GET', url: '/api/companies', cookie: customer })).statusCode).toBe(403);
    expect((await request(t.app, { method: 'GET', url: `/api/companies/${companies[0].id}/contacts`, cookie: customer })).statusCode).toBe(403);
  });
});
