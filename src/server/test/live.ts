import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createPerson, setPersonPassword } from '../features/people/people.service';
import type { Db } from '../db/database';

/** One event of a stream as a browser's EventSource would hand it over. */
export type StreamEvent = { event: string; data: Record<string, unknown> };

export type OpenStream = {
  status: number;
  /** Every event received so far, in order (heartbeat comments aside). */
  events: StreamEvent[];
  /** How many heartbeat comments arrived. */
  heartbeats: () => number;
  /** Resolves with the first event (received before or after the call) that matches; rejects after `ms`. */
  next: (match: (e: StreamEvent) => boolean, ms?: number) => Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
};

/** Starts the app on a free port of this machine and returns its address. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Opens `GET /api/live` with fetch and reads its events as they come. */
export async function openStream(baseUrl: string, cookie?: string): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/live`, { headers: { ...(cookie ? { cookie } : {}), connection: 'close' }, signal: controller.signal });
  const events: StreamEvent[] = [];
  let heartbeats = 0;
  const waiters = new Set<() => void>();
  let ended!: () => void;
  const endedPromise = new Promise<void>((resolve) => (ended = resolve));
  const read = async () => {
    if (res.status !== 200 || !res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (lines.every((l) => l.startsWith(':'))) heartbeats++;
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
    ended();
    for (const wake of waiters) wake();
  };
  void read();
  return {
    status: res.status,
    events,
    heartbeats: () => heartbeats,
    ended: endedPromise,
    close: () => controller.abort(),
    next: (match, ms = 3000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          cleanUp();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`no matching event within ${ms} ms; received: ${JSON.stringify(events)}`));
        }, ms);
        const cleanUp = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        waiters.add(wake);
        check();
      }),
  };
}

/** Signs in over HTTP, as a browser does, and returns the cookie header. */
export async function signInOver(baseUrl: string, email: string, password = 'atende-demo'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Sends JSON over HTTP as the browser on our origin does (a fresh connection each time). */
export async function send(baseUrl: string, method: string, path: string, cookie: string, body?: unknown): Promise<{ status: number; json: () => Promise<Record<string, unknown>> }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { origin: baseUrl, cookie, connection: 'close', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: async () => JSON.parse(text) as Record<string, unknown> };
}

/** An active agent with the demo password, member of the named groups (all of them when none are named). */
export async function addAgent(db: Db, name: string, email: string, groupNames?: string[]): Promise<string> {
  const id = await createPerson(db, { name, email, staffRole: 'agent' });
  await setPersonPassword(db, id, 'atende-demo');
  if (groupNames?.length === 0) return id;
  const groups = await db
    .selectFrom('agent_group')
    .select('id')
    .$if(groupNames !== undefined, (q) => q.where('name', 'in', groupNames!))
    .execute();
  if (groups.length) await db.insertInto('group_member').values(groups.map((g) => ({ group_id: g.id, person_id: id }))).execute();
  return id;
}
