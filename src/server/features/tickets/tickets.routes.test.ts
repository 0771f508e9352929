import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';

describe('opening a ticket', () => {
  let t: TestApp;
  let contact: string;
  let form: Awaited<ReturnType<typeof demoForm>>;
  beforeAll(async () => {
    t = await buildTestApp();
    contact = await signIn(t.app, 'contato@alfa.example');
    form = await demoForm(t.db, 'RM', 'RM Labore');
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({ ...form.fields, ...overrides });
  const open = (payload: unknown, cookie = contact, headers: Record<string, string> = {}) =>
    request(t.app, { method: 'POST', url: '/api/tickets', payload: payload as object, cookie, headers });

  it('opens a ticket with a sequential number, recomputes the criticality and mails requester and copies', async () => {
    const first = await open(body({ additionalEmails: ['Gestor@Alfa.example', 'ti@alfa.example'], criticality: 'critical' }));
    expect(first.statusCode).toBe(201);
    const second = await open(body({ summary: 'Segundo chamado' }));
    expect(second.json().number).toBe(first.json().number + 1);

    const ticket = (await request(t.app, { method: 'GET', url: `/api/tickets/${first.json().number}`, cookie: contact })).json();
    expect(ticket).toMatchObject({
      status: 'new',
      criticality: 'high',
      summary: 'Erro ao calcular a folha de pagamento',
      copies: ['gestor@alfa.example', 'ti@alfa.example'],
      requester: { name: 'Carlos Contato' },
      company: { name: 'Alfa Indústria Ltda' },
      serviceLine: { code: 'RM', channelKey: 'software' },
      module: { name: 'RM Labore' },
    });
    expect(ticket.criticalityReason).toBe(
      "Alta: Efeito 'Processo parado com alternativa de contorno' → urgência média; Origem 'Cliente em produção' → impacto alto",
    );
    expect(ticket.history).toEqual([expect.objectContaining({ kind: 'opened', actor: expect.objectContaining({ name: 'Carlos Contato' }) })]);

    const mails = await t.db.selectFrom('outbox_mail').select(['to_address', 'subject', 'text', 'html']).where('subject', 'like', `[#${first.json().number}]%`).execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['contato@alfa.example', 'gestor@alfa.example', 'ti@alfa.example']);
    for (const m of mails) {
      expect(m.subject).toBe(`[#${first.json().number}] Erro ao calcular a folha de pagamento`);
      expect(m.text).toContain(`http://localhost:3000/tickets/${first.json().number}`);
      expect(m.html).toContain(`/tickets/${first.json().number}`);
    }
  });

  it('mails each recipient in the language they read; an address of no one gets the requester\'s', async () => {
    const setLanguage = (email: string, language: string) => t.db.updateTable('person').set({ language }).where('email', '=', email).execute();
    await setLanguage('contato@alfa.example', 'en');
    await setLanguage('admin@alfa.example', 'es');
    try {
      const res = await open(body({ additionalEmails: ['admin@alfa.example', 'fornecedor@example.com'] }));
      expect(res.statusCode).toBe(201);
      const number = res.json().number;
      const mails = await t.db.selectFrom('outbox_mail').select(['to_address', 'subject', 'text', 'html']).where('subject', 'like', `[#${number}]%`).execute();
      const textTo = (address: string) => mails.find((m) => m.to_address === address)?.text;
      expect(textTo('contato@alfa.example')).toContain(`Your ticket #${number} was opened.`);
      expect(textTo('admin@alfa.example')).toContain(`Carlos Contato abrió el ticket #${number}`);
      expect(textTo('fornecedor@example.com')).toContain(`Carlos Contato opened ticket #${number}`);
      expect(mails.find((m) => m.to_address === 'admin@alfa.example')?.html).toContain('lang="es"');
    } finally {
      await setLanguage('contato@alfa.example', 'pt-BR');
      await setLanguage('admin@alfa.example', 'pt-BR');
    }
  });

  it('caps the criticality by category', async () => {
    const res = await open(body({ categoryId: await form.category('improvement'), effectId: (await t.db.selectFrom('effect').select('id').orderBy('position').executeTakeFirstOrThrow()).id }));
    const ticket = (await request(t.app, { method: 'GET', url: `/api/tickets/${res.json().number}`, cookie: contact })).json();
    expect(ticket.criticality).toBe('planning');
    expect(ticket.criticalityReason).toContain('Sugestão de melhorias');
  });

  it.each([
    'country',
    'categoryId',
    'originId',
    'effectId',
    'moduleId',
    'routineId',
    'versionId',
    'environmentId',
    'summary',
    'incident',
    'serviceLineId',
  ])('refuses a ticket without %s, naming it', async (field) => {
    const res = await open(body({ [field]: undefined }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
  });

  it('refuses bad choices, each with its field named', async () => {
    const other = await demoForm(t.db, 'RM', 'RM Fluxus');
    const protheus = await demoForm(t.db, 'PROTHEUS');
    const datasul = await demoForm(t.db, 'DATASUL');
    const cases: [Record<string, unknown>, string][] = [
      [{ additionalEmails: ['ok@alfa.example', 'not-an-address'] }, 'additionalEmails.1'],
      [{ additionalEmails: Array.from({ length: 11 }, (_, i) => `c${i}@alfa.example`) }, 'additionalEmails'],
      [{ routineId: other.routineId }, 'routineId'],
      [{ versionId: protheus.versionId }, 'versionId'],
      [{ environmentId: protheus.environmentId }, 'environmentId'],
      [datasul.fields, 'serviceLineId'],
      [{ summary: 'x'.repeat(201) }, 'summary'],
      [{ categoryId: await form.category('consulting') }, 'categoryId'],
      [{ onBehalf: true, companyId: 2, requesterId: 'x' }, 'onBehalf'],
      [{ country: 'XX' }, 'country'],
      [{ companyId: 999 }, 'companyId'],
    ];
    for (const [overrides, field] of cases) {
      const res = await open(body(overrides));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.fields, JSON.stringify(overrides).slice(0, 80)).toHaveProperty([field]);
    }
  });

  it('explains a refusal in the user\'s language', async () => {
    const res = await open(body({ summary: 'x'.repeat(201) }), contact, { 'accept-language': 'en' });
    // The person's saved language (pt-BR) wins over the browser's.
    expect(res.json().error.fields.summary).toBe('Use no máximo 200 caracteres.');
  });

  it('writes nothing when refused', async () => {
    const count = async () => Number((await t.db.selectFrom('ticket').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await open(body({ routineId: 999999 }));
    expect(await count()).toBe(before);
  });

  it('lets a contact with the right request Consultoria (capped at Média)', async () => {
    const admin = await signIn(t.app, 'admin@alfa.example');
    const effect = (await t.db.selectFrom('effect').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    const res = await open(body({ categoryId: await form.category('consulting'), effectId: effect }), admin);
    expect(res.statusCode).toBe(201);
    const ticket = (await request(t.app, { method: 'GET', url: `/api/tickets/${res.json().number}`, cookie: admin })).json();
    expect(ticket.criticality).toBe('medium');
  });

  it('lets an agent open on behalf of a customer contact, who becomes the requester', async () => {
    const agent = await signIn(t.app, 'analista@atende.example');
    const datasul = await demoForm(t.db, 'DATASUL');
    const beta = await t.db.selectFrom('company').select('id').where('name', '=', 'Beta Comércio S.A.').executeTakeFirstOrThrow();
    const betaContact = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@beta.example').executeTakeFirstOrThrow();
    const fields = datasul.fields;

    const withoutBehalf = await open(fields, agent);
    expect(withoutBehalf.json().error.fields).toHaveProperty('onBehalf');
    const wrongContact = await open({ ...fields, onBehalf: true, companyId: beta.id, requesterId: 'someone-else' }, agent);
    expect(wrongContact.json().error.fields).toHaveProperty('requesterId');

    const res = await open({ ...fields, onBehalf: true, companyId: beta.id, requesterId: betaContact.id }, agent);
    expect(res.statusCode).toBe(201);
    const betaCookie = await signIn(t.app, 'contato@beta.example');
    const ticket = (await request(t.app, { method: 'GET', url: `/api/tickets/${res.json().number}`, cookie: betaCookie })).json();
    expect(ticket.requester.name).toBe('Beatriz Contato');
    expect(ticket.openedBy.name).toBe('André Analista');
    expect(ticket.company.name).toBe('Beta Comércio S.A.');
  });
});
