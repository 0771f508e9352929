import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';

/** Openings under concurrency (written together), and the catalog checks read as the catalog is now. */
describe('opening tickets at once', () => {
  let t: TestApp;
  let contact: string;
  let admin: string;
  let system: string;
  let form: Awaited<ReturnType<typeof demoForm>>;
  beforeAll(async () => {
    t = await buildTestApp();
    contact = await signIn(t.app, 'contato@alfa.example');
    admin = await signIn(t.app, 'admin@alfa.example');
    system = await signIn(t.app, 'sistema@atende.example');
    form = await demoForm(t.db, 'RM');
  });
  afterAll(() => t.close());

  const open = (overrides: Record<string, unknown> = {}, cookie = contact) =>
    request(t.app, { method: 'POST', url: '/api/tickets', payload: { ...form.fields, ...overrides }, cookie });
  const search = async (q: string, cookie = admin) => {
    const res = await request(t.app, { method: 'GET', url: `/api/tickets?q=${encodeURIComponent(q)}`, cookie });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().tickets as { number: number }[]).map((x) => x.number);
  };
  const view = async (number: number) => (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: admin })).json();
  const mailsOf = (number: number) =>
    t.db.selectFrom('outbox_mail').select(['to_address', 'subject', 'text']).where('subject', 'like', `[#${number}]%`).orderBy('id').execute();

  it('numbers concurrent openings in sequence, and each is found by its words and its number as soon as it is answered', async () => {
    const words = Array.from({ length: 12 }, (_, i) => `marcador${String.fromCharCode(97 + i)}zeta`);
    const results = await Promise.all(
      words.map(async (word, i) => {
        const res = await open({ summary: `Chamado simultâneo ${word}`, additionalEmails: i % 3 === 0 ? ['gestor@alfa.example'] : [] }, i % 2 ? contact : admin);
        expect(res.statusCode, res.body).toBe(201);
        const number = res.json().number as number;
        // Searched right after the answer: the ticket is already committed and in the full-text index.
        return { number, byWord: await search(word), byNumber: await search(String(number)) };
      }),
    );
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => numbers[0]! + i));
    for (const r of results) {
      expect(r.byWord).toEqual([r.number]);
      expect(r.byNumber).toEqual([r.number]);
    }
    // Each one with its own history, copies and mails.
    for (const [i, word] of words.entries()) {
      const { number } = results[i]!;
      const ticket = await view(number);
      expect(ticket.summary).toBe(`Chamado simultâneo ${word}`);
      expect(ticket.history).toEqual([expect.objectContaining({ kind: 'opened' })]);
      expect(ticket.copies).toEqual(i % 3 === 0 ? ['gestor@alfa.example'] : []);
      const mails = await mailsOf(number);
      expect(mails.map((m) => m.to_address).sort()).toEqual(
        [i % 2 ? 'contato@alfa.example' : 'admin@alfa.example', ...(i % 3 === 0 ? ['gestor@alfa.example'] : [])].sort(),
      );
      for (const m of mails) expect(m.subject).toBe(`[#${number}] Chamado simultâneo ${word}`);
    }
  });

  it('fails only the opening that the database refuses, and gives its number to no one', async () => {
    const refused = 'Recusado pelo banco de dados';
    if (t.db.dialectName === 'sqlite') {
      await sql`create trigger test_refuse before insert on ticket when new.summary = ${sql.lit(refused)}
        begin select raise(abort, 'refused by the test'); end`.execute(t.db);
    } else {
      await sql`create function test_refuse() returns trigger language plpgsql as $$
        begin if new.summary = ${sql.lit(refused)} then raise exception 'refused by the test'; end if; return new; end $$`.execute(t.db);
      await sql`create trigger test_refuse before insert on ticket for each row execute function test_refuse()`.execute(t.db);
    }
    try {
      const summaries = ['Primeiro junto', 'Segundo junto', refused, 'Quarto junto', 'Quinto junto', 'Sexto junto'];
      const responses = await Promise.all(summaries.map((summary) => open({ summary })));
      expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 500, 201, 201, 201]);
      const numbers = responses.filter((r) => r.statusCode === 201).map((r) => r.json().number as number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 5 }, (_, i) => numbers[0]! + i));
      for (const [i, r] of responses.entries()) if (r.statusCode === 201) expect((await view(r.json().number)).summary).toBe(summaries[i]);
      const written = await t.db.selectFrom('ticket').select('id').where('summary', '=', refused).execute();
      expect(written).toEqual([]);
      expect(await t.db.selectFrom('outbox_mail').select('id').where('subject', 'like', `%${refused}`).execute()).toEqual([]);
      // The next opening takes the next number.
      const next = await open({ summary: 'Depois da recusa' });
      expect(next.json().number).toBe(numbers[4]! + 1);
    } finally {
      await sql`drop trigger test_refuse${t.db.dialectName === 'postgres' ? sql` on ticket` : sql``}`.execute(t.db);
      if (t.db.dialectName === 'postgres') await sql`drop function test_refuse()`.execute(t.db);
    }
  });

  it('checks each choice against the catalog as an administrator has just left it', async () => {
    const put = (matrix: unknown) => request(t.app, { method: 'PUT', url: '/api/admin/criticality', payload: { matrix }, cookie: system });
    const matrix = (await request(t.app, { method: 'GET', url: '/api/admin/criticality', cookie: system })).json().matrix;
    // The demo form: origin "in production" (high impact), a medium-urgency effect.
    expect((await view((await open()).json().number)).criticality).toBe(matrix.high.medium);
    expect((await put({ ...matrix, high: { ...matrix.high, medium: 'planning' } })).statusCode).toBe(200);
    expect((await view((await open()).json().number)).criticality).toBe('planning');
    expect((await put(matrix)).statusCode).toBe(200);
    expect((await view((await open()).json().number)).criticality).toBe(matrix.high.medium);

    const patch = (kind: string, id: number, active: boolean) =>
      request(t.app, { method: 'PATCH', url: `/api/admin/catalog/${kind}/${id}`, payload: { active }, cookie: system });
    for (const [kind, field, id] of [
      ['version', 'versionId', form.versionId!],
      ['environment', 'environmentId', form.environmentId!],
      ['module', 'moduleId', form.moduleId],
      ['routine', 'routineId', form.routineId],
      ['effect', 'effectId', form.effectId],
      ['service_line', 'serviceLineId', form.serviceLineId],
    ] as const) {
      expect((await patch(kind, id, false)).statusCode, kind).toBe(200);
      const refused = await open();
      expect(refused.statusCode, kind).toBe(400);
      expect(Object.keys(refused.json().error.fields), kind).toContain(field);
      expect((await patch(kind, id, true)).statusCode, kind).toBe(200);
      expect((await open()).statusCode, kind).toBe(201);
    }
    // Categories and origins are reference data, changed outside the editor.
    for (const [table, field, id] of [
      ['category', 'categoryId', form.categoryId],
      ['origin', 'originId', form.originId],
    ] as const) {
      await t.db.updateTable(table).set({ active: false }).where('id', '=', id).execute();
      expect(Object.keys((await open()).json().error.fields), table).toEqual([field]);
      await t.db.updateTable(table).set({ active: true }).where('id', '=', id).execute();
      expect((await open()).statusCode, table).toBe(201);
    }
    // A company loses the service line.
    const alfa = (await t.db.selectFrom('company').select('id').where('name', '=', 'Alfa Indústria Ltda').executeTakeFirstOrThrow()).id;
    await t.db.deleteFrom('entitlement').where('company_id', '=', alfa).where('service_line_id', '=', form.serviceLineId).execute();
    expect(Object.keys((await open()).json().error.fields)).toEqual(['serviceLineId']);
    await t.db.insertInto('entitlement').values({ company_id: alfa, service_line_id: form.serviceLineId }).execute();
    expect((await open()).statusCode).toBe(201);
  });

  it('greets each copied person by name and an unknown address by the address', async () => {
    const res = await open({ additionalEmails: ['admin@alfa.example', 'fora@desconhecido.example', 'contato@alfa.example'] });
    const mails = await mailsOf(res.json().number);
    // The requester once (a copy to oneself is not mailed twice), then the copies.
    expect(mails.map((m) => m.to_address)).toEqual(['contato@alfa.example', 'admin@alfa.example', 'fora@desconhecido.example']);
    const admin = await t.db.selectFrom('person').select('name').where('email', '=', 'admin@alfa.example').executeTakeFirstOrThrow();
    expect(mails[1]!.text).toContain(admin.name);
    expect(mails[2]!.text).toContain('fora@desconhecido.example');
  });
});
