import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signInRoles, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
type FormChoice = { id: number; name: string; help: string };

describe('the catalog editor: ticket categories and origins', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const call = (method: Method, url: string, cookie: string | undefined, payload?: object) =>
    request(t.app, { method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
  const admin = (method: Method, url: string, payload?: object) => call(method, url, cookies.admin, payload);

  /** RM's ticket form as the Alfa contact sees it. */
  const contactForm = async (): Promise<{ categories: FormChoice[]; origins: (FormChoice & { impact: string })[] }> => {
    const rm = await t.db.selectFrom('service_line').select('id').where('code', '=', 'RM').executeTakeFirstOrThrow();
    return (await call('GET', `/api/service-lines/${rm.id}/form`, cookies.contact)).json();
  };
  /** Opens an RM ticket as the Alfa contact with the demo choices, changed by `fields`. */
  const openTicket = async (fields: Record<string, unknown> = {}) => call('POST', '/api/tickets', cookies.contact, { ...(await demoForm(t.db, 'RM')).fields, ...fields });
  const criticalityOf = async (opened: { json: () => { number: number } }) => (await call('GET', `/api/tickets/${opened.json().number}`, cookies.contact)).json().criticality;

  beforeAll(async () => {
    t = await buildTestApp();
    Object.assign(cookies, await signInRoles(t.app));
  });
  afterAll(() => t.close());

  it('is closed to everyone but system administrators', async () => {
    const routes: [Method, string, object][] = [
      ['POST', '/api/admin/catalog/category', { names: { 'pt-BR': 'X' }, key: 'x' }],
      ['PATCH', '/api/admin/catalog/category/1', { active: false }],
      ['POST', '/api/admin/catalog/origin', { names: { 'pt-BR': 'X' }, key: 'x', impact: 'low' }],
      ['PATCH', '/api/admin/catalog/origin/1', { impact: 'low' }],
      ['PUT', '/api/admin/catalog/origin/order', { ids: [1] }],
    ];
    for (const [method, url, body] of routes) {
      expect((await call(method, url, undefined, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
      for (const role of ['agent', 'portalAdmin', 'contact']) {
        expect((await call(method, url, cookies[role], body)).statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    const form = await contactForm();
    expect(form.categories).toHaveLength(5);
    expect(form.origins.find((o) => o.id === 1)?.impact).toBe('high');
  });

  it('lists categories and origins with their keys, help, cap, Consultoria right and impact', async () => {
    const catalog = (await admin('GET', '/api/admin/catalog')).json();
    expect(catalog.category.find((c: { code: string }) => c.code === 'consulting')).toMatchObject({
      name: 'Consultoria',
      names: { 'pt-BR': 'Consultoria', en: 'Consulting', es: 'Consultoría' },
      help: expect.objectContaining({ 'pt-BR': 'No caso da necessidade de atuação da equipe de CONSULTORIA.' }),
      capLevel: 'medium',
      needsConsultingRight: true,
      impact: null,
      active: true,
    });
    expect(catalog.origin.map((o: { code: string; impact: string }) => `${o.code}:${o.impact}`)).toEqual(['production:high', 'implementation:medium', 'new_version:low', 'beta:low']);
  });

  it('adds a category with its help, which the ticket form offers at once', async () => {
    const created = await admin('POST', '/api/admin/catalog/category', {
      names: { 'pt-BR': 'Treinamento', en: 'Training' },
      key: 'training',
      help: { 'pt-BR': 'No caso de dúvidas sobre o uso do produto.', en: 'For questions about using the product.', es: '' },
      capLevel: 'low',
      position: 5,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Treinamento',
      code: 'training',
      help: { 'pt-BR': 'No caso de dúvidas sobre o uso do produto.', en: 'For questions about using the product.' },
      capLevel: 'low',
      needsConsultingRight: false,
      active: true,
    });
    const offered = (await contactForm()).categories.find((c) => c.id === created.json().id);
    expect(offered).toMatchObject({ name: 'Treinamento', help: 'No caso de dúvidas sobre o uso do produto.', cap: 'low', needsConsultingRight: false });

    // Its cap applies to the next ticket: a producing customer's stopped process is capped at Baixa.
    const opened = await openTicket({ categoryId: created.json().id });
    expect(opened.statusCode).toBe(201);
    expect(await criticalityOf(opened)).toBe('low');
  });

  it('renames and re-explains a category in each language, and the form shows the edited texts', async () => {
    const service = await (await demoForm(t.db, 'RM')).category('service');
    const edited = await admin('PATCH', `/api/admin/catalog/category/${service}`, {
      names: { 'pt-BR': 'Atendimento', en: 'Support', es: 'Atención' },
      help: { 'pt-BR': 'Dúvidas e análises feitas por um analista.', en: 'Questions and analyses by an agent.', es: 'Dudas y análisis de un analista.' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Atendimento', code: 'service' });
    expect((await contactForm()).categories.find((c) => c.id === service)).toMatchObject({ name: 'Atendimento', help: 'Dúvidas e análises feitas por um analista.' });
    await call('PATCH', '/api/me', cookies.contact, { language: 'es' });
    try {
      expect((await contactForm()).categories.find((c) => c.id === service)).toMatchObject({ name: 'Atención', help: 'Dudas y análisis de un analista.' });
    } finally {
      await call('PATCH', '/api/me', cookies.contact, { language: 'pt-BR' });
    }
  });

  it('deactivates a category: it leaves the form and an opening with it is refused on the field', async () => {
    const improvement = await (await demoForm(t.db, 'RM')).category('improvement');
    expect((await admin('PATCH', `/api/admin/catalog/category/${improvement}`, { active: false })).json().active).toBe(false);
    expect((await contactForm()).categories.map((c) => c.id)).not.toContain(improvement);
    const refused = await openTicket({ categoryId: improvement });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ categoryId: 'Escolha uma opção da lista.' });
    // Never deleted: the editor still lists it, and reactivated it is offered again.
    expect((await admin('GET', '/api/admin/catalog')).json().category.find((c: { id: number }) => c.id === improvement).active).toBe(false);
    await admin('PATCH', `/api/admin/catalog/category/${improvement}`, { active: true });
    expect((await contactForm()).categories.map((c) => c.id)).toContain(improvement);
  });

  it('gates a category behind the Consultoria right and lifts its cap', async () => {
    const training = (await t.db.selectFrom('category').select('id').where('key', '=', 'training').executeTakeFirstOrThrow()).id;
    await admin('PATCH', `/api/admin/catalog/category/${training}`, { needsConsultingRight: true, capLevel: null });
    const refused = await openTicket({ categoryId: training });
    expect(refused.json().error.fields).toEqual({ categoryId: 'Você não tem permissão para solicitar Consultoria.' });
    await admin('PATCH', `/api/admin/catalog/category/${training}`, { needsConsultingRight: false });
    expect(await criticalityOf(await openTicket({ categoryId: training }))).toBe('high');
  });

  it('adds an origin and changes an impact, which the criticality of new tickets follows', async () => {
    const missing = await admin('POST', '/api/admin/catalog/origin', { names: { 'pt-BR': 'Cliente em homologação' }, key: 'staging' });
    expect(missing.json().error.fields).toEqual({ impact: 'Preencha este campo.' });
    const created = await admin('POST', '/api/admin/catalog/origin', {
      names: { 'pt-BR': 'Cliente em homologação' },
      key: 'staging',
      impact: 'medium',
      help: { 'pt-BR': 'Sistema em testes antes de entrar em produção.' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'staging', impact: 'medium', capLevel: null, needsConsultingRight: null, urgency: null });
    expect((await contactForm()).origins.find((o) => o.id === created.json().id)).toMatchObject({ name: 'Cliente em homologação', help: 'Sistema em testes antes de entrar em produção.', impact: 'medium' });
    // A stopped process with a workaround (medium urgency) of a staging customer (medium impact).
    expect(await criticalityOf(await openTicket({ originId: created.json().id }))).toBe('medium');

    const production = await (await demoForm(t.db, 'RM')).origin('production');
    expect(await criticalityOf(await openTicket())).toBe('high');
    expect((await admin('PATCH', `/api/admin/catalog/origin/${production}`, { impact: 'low' })).json().impact).toBe('low');
    expect((await contactForm()).origins.find((o) => o.id === production)?.impact).toBe('low');
    expect(await criticalityOf(await openTicket())).toBe('low');
    await admin('PATCH', `/api/admin/catalog/origin/${production}`, { impact: 'high' });
  });

  it('refuses bad input naming each field, in the caller\'s language', async () => {
    const bad = await admin('POST', '/api/admin/catalog/category', { names: { 'pt-BR': '' }, key: 'Com Espaço', capLevel: 'extreme', help: { 'pt-BR': 'x'.repeat(501) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      'names.pt-BR': 'Preencha este campo.',
      key: 'Use letras minúsculas, números e _ apenas.',
      capLevel: 'Valor inválido.',
      'help.pt-BR': 'Use no máximo 500 caracteres.',
    });
    expect((await admin('POST', '/api/admin/catalog/category', {})).json().error.fields).toEqual({ 'names.pt-BR': 'Preencha este campo.', key: 'Preencha este campo.' });
    await call('PATCH', '/api/me', cookies.admin, { language: 'en' });
    try {
      const english = await admin('PATCH', '/api/admin/catalog/origin/1', { impact: 'huge', help: { en: 'x'.repeat(501) } });
      expect(english.json().error.fields).toEqual({ impact: 'Invalid value.', 'help.en': 'Use at most 500 characters.' });
    } finally {
      await call('PATCH', '/api/me', cookies.admin, { language: 'pt-BR' });
    }
  });

  it('refuses a key already used, and an entry that does not exist', async () => {
    const duplicate = await admin('POST', '/api/admin/catalog/category', { names: { 'pt-BR': 'Outra consultoria' }, key: 'consulting' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields).toEqual({ key: 'Já existe um item com esta chave.' });
    const staging = (await t.db.selectFrom('origin').select('id').where('key', '=', 'staging').executeTakeFirstOrThrow()).id;
    expect((await admin('PATCH', `/api/admin/catalog/origin/${staging}`, { key: 'beta' })).json().error.fields).toEqual({ key: 'Já existe um item com esta chave.' });
    for (const kind of ['category', 'origin']) {
      const missing = await admin('PATCH', `/api/admin/catalog/${kind}/99999`, { active: false });
      expect(missing.statusCode, kind).toBe(404);
      // Past PostgreSQL's integer: refused as input, never a database error.
      const absurd = await admin('PATCH', `/api/admin/catalog/${kind}/3000000000`, { active: false });
      expect(absurd.statusCode, kind).toBe(400);
      expect(absurd.json().error.fields, kind).toHaveProperty('id');
    }
  });

  it('audits every change with before and after', async () => {
    const events = (await admin('GET', '/api/admin/audit?action=catalog')).json().events as { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[];
    const actions = events.map((e) => e.action);
    for (const action of ['catalog.category.created', 'catalog.category.updated', 'catalog.origin.created', 'catalog.origin.updated']) expect(actions, action).toContain(action);
    const impactChange = events.find((e) => e.action === 'catalog.origin.updated' && e.after.impact === 'low');
    expect(impactChange?.before).toMatchObject({ code: 'production', impact: 'high' });
  });

  it('reorders a list at once: every sibling, each once, logged as one act', async () => {
    const versionsOf = async (code: string) => {
      const line = await t.db.selectFrom('service_line').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      return (await admin('GET', '/api/admin/catalog')).json().version.filter((v: { parentId: number }) => v.parentId === line.id) as { id: number; name: string; position: number }[];
    };
    const rm = (await versionsOf('RM')).sort((a, b) => a.position - b.position);
    expect(rm.length).toBeGreaterThan(2);
    const reversed = [...rm].reverse().map((v) => v.id);
    const res = await admin('PUT', '/api/admin/catalog/version/order', { ids: reversed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((v: { id: number }) => v.id)).toEqual(reversed);
    expect((await versionsOf('RM')).sort((a, b) => a.position - b.position).map((v) => v.id)).toEqual(reversed);

    const { events } = (await admin('GET', '/api/admin/audit?action=catalog.reordered')).json();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetType: 'version', targetId: String(reversed[0]), before: { order: rm.map((v) => v.name) }, after: { order: [...rm].reverse().map((v) => v.name) } });

    // Not exactly the list's entries: one missing, one twice, one of another line, one that does not exist.
    const other = (await versionsOf('PROTHEUS'))[0]!;
    const refused = [reversed.slice(1), [...reversed, reversed[0]], [...reversed, other.id], [other.id, ...reversed], [999_999]];
    for (const ids of refused) {
      const bad = await admin('PUT', '/api/admin/catalog/version/order', { ids });
      expect(bad.statusCode, JSON.stringify(ids)).toBe(400);
      expect(bad.json().error.fields).toEqual({ ids: 'Envie cada item da lista uma vez, todos da mesma lista.' });
    }
    expect((await admin('PUT', '/api/admin/catalog/version/order', { ids: [] })).json().error.fields).toHaveProperty('ids');
    expect((await versionsOf('RM')).sort((a, b) => a.position - b.position).map((v) => v.id)).toEqual(reversed);

    // Two administrators reorder the same list at once: the list ends in one of the two orders, never a mix.
    for (let round = 0; round < 5; round++) {
      const now = (await versionsOf('RM')).sort((a, b) => a.position - b.position).map((v) => v.id);
      const swapFirst = [now[1]!, now[0]!, ...now.slice(2)];
      const rotate = [...now.slice(1), now[0]!];
      const answers = await Promise.all([swapFirst, rotate].map((ids) => admin('PUT', '/api/admin/catalog/version/order', { ids })));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      const after = await versionsOf('RM');
      expect(new Set(after.map((v) => v.position)).size, `round ${round}`).toBe(after.length);
      expect([swapFirst, rotate]).toContainEqual(after.sort((a, b) => a.position - b.position).map((v) => v.id));
    }
  });
});

describe('environments in each language', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    t = await buildTestApp();
    cookies = await signInRoles(t.app);
    await t.db.updateTable('person').set({ language: 'en' }).where('email', '=', 'contato@alfa.example').execute();
  });
  afterAll(() => t.close());

  it('are named in the reader\'s language on the form and the ticket, and added with a name per language', async () => {
    const rm = await t.db.selectFrom('service_line').select('id').where('code', '=', 'RM').executeTakeFirstOrThrow();
    const environments = async () =>
      ((await request(t.app, { method: 'GET', url: `/api/service-lines/${rm.id}/form`, cookie: cookies.contact })).json().environments as { name: string }[]).map((e) => e.name);
    expect(await environments()).toEqual(['Production', 'Staging', 'Development']);

    const add = (names: object) => request(t.app, { method: 'POST', url: '/api/admin/catalog/environment', cookie: cookies.admin, payload: { parentId: rm.id, names } });
    const added = await add({ 'pt-BR': 'Treinamento', en: 'Training', es: 'Capacitación' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Treinamento', names: { en: 'Training' } });
    expect(await environments()).toEqual(['Production', 'Staging', 'Development', 'Training']);
    // A language left empty falls back to Portuguese instead of showing nothing.
    expect((await add({ 'pt-BR': 'Contingência', en: '' })).statusCode).toBe(201);
    expect((await environments()).sort()).toEqual(['Contingência', 'Development', 'Production', 'Staging', 'Training']);
    // The Portuguese name is unique within the line.
    const twice = await add({ 'pt-BR': 'Produção', en: 'Live' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual({ 'names.pt-BR': 'Já existe um item com este nome.' });

    const opened = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies.contact, payload: (await demoForm(t.db, 'RM')).fields });
    expect(opened.statusCode, opened.body).toBe(201);
    const ticket = (await request(t.app, { method: 'GET', url: `/api/tickets/${opened.json().number}`, cookie: cookies.contact })).json();
    expect(ticket.environment.name).toBe('Production');
    const agentView = (await request(t.app, { method: 'GET', url: `/api/tickets/${opened.json().number}`, cookie: cookies.agent })).json();
    expect(agentView.environment.name).toBe('Produção');
  });
});
