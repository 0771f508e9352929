import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, type TestApp } from '../../test/harness';
import { addAgent, listen, openStream, send, signInOver, type OpenStream, type StreamEvent } from '../../test/live';

const isTicket = (number: number) => (e: StreamEvent) => e.event === 'ticket' && e.data.number === number;
const numbersIn = (s: OpenStream) => new Set(s.events.filter((e) => e.event === 'ticket').map((e) => e.data.number));

/** Merges and links are ticket changes like any other: the streams of those who read each side hear of it, nobody else. */
describe('merges and links on the event streams', () => {
  let t: TestApp;
  let base: string;
  const cookies: Record<string, string> = {};
  const streams: OpenStream[] = [];
  const open = async (who: string) => {
    const s = await openStream(base, cookies[who]);
    streams.push(s);
    await s.next((e) => e.event === 'ready');
    return s;
  };
  const openTicket = async (who: string, line: string) => {
    const res = await send(base, 'POST', '/api/tickets', cookies[who]!, (await demoForm(t.db, line)).fields);
    expect(res.status).toBe(201);
    return (await res.json()).number as number;
  };
  const revisionOf = async (number: number) => ((await (await send(base, 'GET', `/api/tickets/${number}`, cookies.agent!)).json()).revision as number);

  beforeAll(async () => {
    t = await buildTestApp();
    base = await listen(t.app);
    await addAgent(t.db, 'Carla Campos', 'carla@atende.example', ['Suporte RM']);
    const emails = { agent: demoRoles.agent, portalAdmin: demoRoles.portalAdmin, carla: 'carla@atende.example', betaAdmin: 'admin@beta.example' };
    for (const [who, email] of Object.entries(emails)) cookies[who] = await signInOver(base, email);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t.close();
  });

  it('tells a link across companies to the agents who read each side, and to no customer', async () => {
    const alfa = await openTicket('portalAdmin', 'RM');
    const beta = await openTicket('betaAdmin', 'DATASUL');
    const [agent, carla, alfaAdmin, betaAdmin] = [await open('agent'), await open('carla'), await open('portalAdmin'), await open('betaAdmin')];
    const res = await send(base, 'POST', `/api/tickets/${alfa}/links`, cookies.agent!, { revision: await revisionOf(alfa), number: beta });
    expect(res.status).toBe(200);
    await agent.next(isTicket(alfa));
    await agent.next(isTicket(beta));
    await carla.next(isTicket(alfa));

    // A later public change of each side reaches its own customers: by then the link's events would have too.
    for (const [number, stream] of [[alfa, alfaAdmin], [beta, betaAdmin]] as const) {
      expect((await send(base, 'POST', `/api/tickets/${number}/articles`, cookies.agent!, { body: 'Estamos verificando.' })).status).toBe(200);
      await stream.next(isTicket(number));
    }
    await carla.next(isTicket(alfa));
    expect(numbersIn(carla).has(beta)).toBe(false);
    expect(numbersIn(alfaAdmin).has(beta)).toBe(false);
    expect(numbersIn(betaAdmin).has(alfa)).toBe(false);
    // The link itself is internal: no customer heard of it on their own ticket either.
    for (const [stream, number] of [[alfaAdmin, alfa], [betaAdmin, beta]] as const) {
      expect(stream.events.filter(isTicket(number))).toHaveLength(1);
    }
  });

  it('tells a merge to the customer on both tickets', async () => {
    const target = await openTicket('portalAdmin', 'RM');
    const duplicate = await openTicket('portalAdmin', 'RM');
    const customer = await open('portalAdmin');
    const res = await send(base, 'POST', `/api/tickets/${duplicate}/merge`, cookies.agent!, { revision: await revisionOf(duplicate), targetNumber: target });
    expect(res.status).toBe(200);
    await customer.next(isTicket(duplicate));
    await customer.next(isTicket(target));
  });
});
