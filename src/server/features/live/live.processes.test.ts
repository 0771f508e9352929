import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../../db/open';
import { demoForm } from '../../test/catalog-ids';
import { demoRoles, twoAppProcesses } from '../../test/harness';
import { listen, openStream, send, signInOver, type OpenStream, type StreamEvent } from '../../test/live';
import { freshDatabase, startPortal } from '../../test/portal';

const onPostgres = process.env.TEST_DB === 'postgres';
const isTicket = (number: number, revision?: number) => (e: StreamEvent) => e.event === 'ticket' && e.data.number === number && (revision === undefined || e.data.revision === revision);

/** A change made through one process reaches the streams of every other: the contact's never carries a note. */
async function crossProcessJourney(writeBase: string, streamBases: string[], form: Record<string, unknown>) {
  const cookie = async (email: string) => signInOver(writeBase, email);
  const [agent, contact] = [await cookie(demoRoles.agent), await cookie(demoRoles.contact)];
  const streams: { agent: OpenStream; contact: OpenStream }[] = [];
  for (const base of streamBases) {
    const pair = { agent: await openStream(base, agent), contact: await openStream(base, contact) };
    await pair.agent.next((e) => e.event === 'ready');
    await pair.contact.next((e) => e.event === 'ready');
    streams.push(pair);
  }
  try {
    const opened = await send(writeBase, 'POST', '/api/tickets', contact, form);
    expect(opened.status).toBe(201);
    const number = (await opened.json()).number as number;
    const note = await send(writeBase, 'POST', `/api/tickets/${number}/articles`, agent, { body: 'Nota interna', internal: true });
    const noteRevision = (await note.json()).revision as number;
    const reply = await send(writeBase, 'POST', `/api/tickets/${number}/articles`, agent, { body: 'Resposta pública' });
    const replyRevision = (await reply.json()).revision as number;
    for (const pair of streams) {
      await pair.agent.next(isTicket(number, noteRevision));
      await pair.agent.next(isTicket(number, replyRevision));
      await pair.contact.next(isTicket(number, replyRevision));
      expect(pair.contact.events.filter(isTicket(number)).map((e) => e.data.revision)).toEqual([1, replyRevision]);
    }
  } finally {
    for (const pair of streams) {
      pair.agent.close();
      pair.contact.close();
    }
  }
}

describe.runIf(onPostgres)('live updates between two app processes on one PostgreSQL database', () => {
  let env: Awaited<ReturnType<typeof twoAppProcesses>>;
  let bases: string[];

  beforeAll(async () => {
    env = await twoAppProcesses();
    bases = [await listen(env.apps[0]), await listen(env.apps[1])];
  });
  afterAll(() => env.close());

  it("carries a change made in one process to the other's streams (LISTEN/NOTIFY), a customer's without the note", async () => {
    await crossProcessJourney(bases[0]!, [bases[1]!, bases[0]!], (await demoForm(env.db, 'RM')).fields);
  });

  it('listens again after its connection breaks, tells the streams to read afresh, and carries changes again', async () => {
    const agent = await signInOver(bases[1]!, demoRoles.agent);
    const stream = await openStream(bases[1]!, agent);
    await stream.next((e) => e.event === 'ready');
    // The two apps' listeners: the backends whose last statement listened on this test's channel.
    const listening = `listen atende_live_${env.db.pgSchema}`;
    const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where query = ${listening}`.execute(env.db);
    expect(rows).toHaveLength(2);
    for (const { pid } of rows) await sql`select pg_terminate_backend(${pid}::int)`.execute(env.db);
    await stream.next((e) => e.event === 'resync', 8000);
    const contact = await signInOver(bases[0]!, demoRoles.contact);
    const opened = await send(bases[0]!, 'POST', '/api/tickets', contact, (await demoForm(env.db, 'RM')).fields);
    await stream.next(isTicket((await opened.json()).number as number));
    stream.close();
  });
});

describe('live updates between the worker processes of `npm start` with WORKERS=2', () => {
  let portal: ChildProcess;
  let baseUrl: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    database = await freshDatabase();
    ({ process: portal, baseUrl } = await startPortal({ ...database.env, WORKERS: '2' }));
  }, 90_000);
  afterAll(async () => {
    if (portal.exitCode === null) portal.kill('SIGKILL');
    await database.drop();
  });

  it('tells the streams of both workers (their connections alternate) of a change made in either, a customer without the note', async () => {
    const db = openConfiguredDatabase({ dataDir: database.env.DATA_DIR!, databaseUrl: database.env.DATABASE_URL });
    const form = await demoForm(db, 'RM');
    await db.destroy();
    // Four streams on four connections: the primary hands connections to the workers in turn.
    await crossProcessJourney(baseUrl, [baseUrl, baseUrl], form.fields);
  });
});
