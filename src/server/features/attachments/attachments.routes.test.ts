import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, request, signIn, uploadFile, type TestApp } from '../../test/harness';
import { displayName } from './attachments.routes';
import { removeUnusedUploads } from './attachments.cleanup';

/** Every file under the attachments folder. */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'attachments');
  return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

/** A raw multipart request to the upload route. */
function multipart(t: TestApp, number: number, cookie: string, body: string) {
  return request(t.app, {
    method: 'POST',
    url: `/api/tickets/${number}/attachments`,
    cookie,
    payload: body.replaceAll('\n', '\r\n'),
    headers: { 'content-type': 'multipart/form-data; boundary=b0undary' },
  });
}

const filePart = (name: string, content: string) =>
  `--b0undary\nContent-Disposition: form-data; name="file"; filename="${name}"\nContent-Type: text/plain\n\n${content}\n`;

describe('uploads', () => {
  let t: TestApp;
  let dataDir: string;
  let contact: string;
  let agent: string;
  let number: number;
  const rows = () => t.db.selectFrom('attachment').selectAll().execute();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-uploads-'));
    // 10 kB a file, 30 kB a ticket, 40 kB a person a day.
    t = await buildTestApp({ env: { DATA_DIR: dataDir, ATTACHMENT_MAX_MB: '0.01', ATTACHMENT_TICKET_QUOTA_MB: '0.03', ATTACHMENT_DAILY_QUOTA_MB: '0.04' } });
    contact = await signIn(t.app, 'contato@alfa.example');
    agent = await signIn(t.app, 'analista@atende.example');
    number = (await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: (await demoForm(t.db, 'RM')).fields })).json().number;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a multipart body cut off mid-part with a 400 on the file, keeping nothing', async () => {
    const res = await multipart(t, number, contact, filePart('a.txt', 'half of a fi').replace(/\n$/, ''));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ file: 'O envio do arquivo foi interrompido. Envie-o de novo.' });
    expect(await rows()).toEqual([]);
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('refuses a part without a file name with a 400 on the file, keeping nothing', async () => {
    const res = await multipart(t, number, contact, '--b0undary\nContent-Disposition: form-data; name="file"\n\njust text\n--b0undary--\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ file: 'Preencha este campo.' });
    expect(await rows()).toEqual([]);
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('refuses a second file in one upload with a 413 naming the limit, instead of dropping it', async () => {
    const res = await multipart(t, number, contact, `${filePart('a.txt', 'a')}${filePart('b.txt', 'b')}--b0undary--\n`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('Envie um arquivo por vez.');
    expect(await rows()).toEqual([]);
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('keeps a file name for display only: no path, no control, bidirectional-override or zero-width characters', async () => {
    expect(displayName('C:\\temp\\..\\relatorio.txt')).toBe('relatorio.txt');
    expect(displayName('fatura\u202Etxt.exe')).toBe('faturatxt.exe');
    expect(displayName('a\u200Bb\u200Dc\u2066d\u2069e\uFEFFf\u061Cg\u0085h.pdf')).toBe('abcdefgh.pdf');
    expect(displayName('\u202E\u200B')).toBe('arquivo');
    const res = await uploadFile(t.app, `/api/tickets/${number}/attachments`, contact, { name: 'nota\u202Efdp.exe', type: 'text/plain', content: 'x' });
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('notafdp.exe');
  });

  it('holds a quota per ticket and per person a day, answering 413 with the limit', async () => {
    const upload = (cookie: string, ticket: number, kb: number) =>
      uploadFile(t.app, `/api/tickets/${ticket}/attachments`, cookie, { name: 'f.bin', type: 'application/octet-stream', content: Buffer.alloc(kb * 1024) });
    // The ticket holds 1 byte already; 8 + 8 + 8 kB fit its 30 kB, a fourth does not, for anyone.
    for (let i = 0; i < 3; i++) expect((await upload(contact, number, 8)).statusCode).toBe(201);
    const full = await upload(agent, number, 8);
    expect(full.statusCode).toBe(413);
    expect(full.json().error.message).toBe('Este chamado já tem 0,02 MB de anexos; o máximo é 0,03 MB.');
    // The contact has sent 24 kB today; on another ticket 8 kB more fit its 40 kB, 16 kB more do not.
    const other = (await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: (await demoForm(t.db, 'RM')).fields })).json().number;
    expect((await upload(contact, other, 8)).statusCode).toBe(201);
    const daily = await upload(contact, other, 9);
    expect(daily.statusCode).toBe(413);
    expect(daily.json().error.message).toBe('Você já enviou 0,03 MB de anexos nas últimas 24 horas; o máximo é 0,04 MB.');
    // Someone else still may.
    expect((await upload(agent, other, 8)).statusCode).toBe(201);
  });

  it('attaches an upload to one reply only, when two replies claim it at once', async () => {
    const id = (await uploadFile(t.app, `/api/tickets/${number}/attachments`, agent, { name: 'um.txt', type: 'text/plain', content: 'um' })).json().id as string;
    const reply = () => request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: agent, payload: { body: 'Anexo', attachmentIds: [id] } });
    const statuses = (await Promise.all([reply(), reply(), reply()])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 400, 400]);
    const articles = await t.db.selectFrom('ticket_article').select('id').where('body', '=', 'Anexo').execute();
    expect(articles).toHaveLength(1);
    const row = await t.db.selectFrom('attachment').select('article_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.article_id).toBe(articles[0]!.id);
  });

  it('deletes uploads never attached after 24 hours, once with several processes, and keeps those attached', async () => {
    const upload = async (name: string) => (await uploadFile(t.app, `/api/tickets/${number}/attachments`, agent, { name, type: 'text/plain', content: name })).json().id as string;
    const attached = await upload('usado.txt');
    const reply = await request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: agent, payload: { body: 'Segue', attachmentIds: [attached] } });
    expect(reply.statusCode).toBe(200);
    const recent = await upload('recente.txt');
    const old = await upload('antigo.txt');
    const dayAgo = new Date(Date.now() - 25 * 3600_000).toISOString();
    await t.db.updateTable('attachment').set({ created_at: dayAgo }).where('id', 'in', [attached, old]).execute();
    const keyOf = async (id: string) => (await t.db.selectFrom('attachment').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key;
    const oldKey = await keyOf(old);
    const filesBefore = storedFiles(dataDir);
    expect(filesBefore).toContain(oldKey);

    const removed = await Promise.all([removeUnusedUploads(t.app.ctx), removeUnusedUploads(t.app.ctx)]);
    expect(removed[0] + removed[1]).toBe(1);
    const left = (await rows()).map((r) => r.id);
    expect(left).toContain(attached);
    expect(left).toContain(recent);
    expect(left).not.toContain(old);
    expect(storedFiles(dataDir)).not.toContain(oldKey);
    expect(storedFiles(dataDir)).toHaveLength(filesBefore.length - 1);
    expect(await removeUnusedUploads(t.app.ctx)).toBe(0);
  });
});
