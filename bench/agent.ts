/**
 * The agent's side of the benchmark: signed in as an agent of every group (the demo's analista),
 * every built-in view in every sort it offers, a saved view with three filters, the sidebar's
 * counts, a search in each sort, the ticket page, a public reply, a status change and a bulk
 * status change of 25 tickets.
 */
import type autocannon from 'autocannon';
import { listSorts, viewSorts, type BuiltInView } from '../src/contracts/views';
import type { RunningServer } from './children';
import type { Scenario } from './measure';
import { searchWords } from './words';

export const agentAccount = { email: 'analista@atende.example', password: 'atende-demo' };

type Ticket = { number: number; revision: number; status: string };

async function getJson<T>(app: RunningServer, cookie: string, path: string): Promise<T> {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The agent's saved view of the benchmark: open tickets of the RM group, critical or high, by criticality. */
async function savedViewQuery(app: RunningServer, cookie: string): Promise<string> {
  const groups = await getJson<{ tickets: { group?: { id: number; name: string } | null }[] }>(app, cookie, '/api/tickets?view=open&limit=100');
  const rm = groups.tickets.map((x) => x.group).find((g) => g?.name === 'Suporte RM') ?? groups.tickets.find((x) => x.group)?.group;
  if (!rm) throw new Error('no open ticket of a group to build the saved view from');
  const filters = { status: ['new', 'in_progress', 'waiting_customer', 'on_hold', 'solution_proposed'], groupId: [rm.id], criticality: ['critical', 'high'] };
  const res = await fetch(`${app.url}/api/views`, {
    method: 'POST',
    headers: { cookie, origin: app.url, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Críticos do RM', filters, sort: 'criticality' }),
  });
  if (res.status !== 201) throw new Error(`saving the view failed: ${res.status} ${await res.text()}`);
  return `status=${filters.status.join(',')}&groupId=${rm.id}&criticality=${filters.criticality.join(',')}&sort=criticality`;
}

/** Open tickets of the agent's, with their revisions: `count` of them, skipping `except`, page after page. */
async function openTickets(app: RunningServer, cookie: string, count: number, except: Set<number> = new Set()): Promise<Ticket[]> {
  const chosen: { number: number; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { tickets: { number: number; status: string }[]; nextCursor: string | null } = await getJson(
      app,
      cookie,
      `/api/tickets?view=mine&status=in_progress,on_hold&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    chosen.push(...page.tickets.filter((x) => !except.has(x.number)));
    cursor = page.nextCursor;
  } while (cursor && chosen.length < count);
  if (chosen.length < count) throw new Error(`only ${chosen.length} open tickets of the agent's to change; ${count} were wanted`);
  return Promise.all(chosen.slice(0, count).map(async (x) => ({ number: x.number, status: x.status, revision: (await getJson<{ revision: number }>(app, cookie, `/api/tickets/${x.number}`)).revision })));
}

/**
 * Status changes (in progress ↔ on hold), each on a ticket no other request in flight has, sent
 * with the revision the last answer gave: every change is a conditional update that must succeed.
 * autocannon starts a fresh context for every request of a one-request list, so the tickets in
 * flight are marked here. A request still in flight when a run ends never frees its ticket,
 * whose revision is then unknown: the pool holds enough for the runs of a scenario.
 */
function statusChanges(pool: Ticket[], headers: Record<string, string>): autocannon.Request[] {
  const busy = new Set<Ticket>();
  type Context = { ticket?: Ticket };
  return [
    {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      setupRequest: (request, context) => {
        const ticket = pool.find((x) => !busy.has(x));
        if (!ticket) throw new Error('every ticket of the status-change scenario is in flight or lost: make the pool larger');
        busy.add(ticket);
        (context as Context).ticket = ticket;
        const status = ticket.status === 'on_hold' ? 'in_progress' : 'on_hold';
        return { ...request, path: `/api/tickets/${ticket.number}`, body: JSON.stringify({ revision: ticket.revision, status }) };
      },
      onResponse: (status, body, context) => {
        const ticket = (context as Context).ticket;
        if (!ticket) return;
        if (status === 200) {
          const view = JSON.parse(body) as { revision: number; status: string };
          ticket.revision = view.revision;
          ticket.status = view.status;
        }
        busy.delete(ticket);
        // Least recently used first, so that no ticket is changed by two requests at once.
        pool.push(...pool.splice(pool.indexOf(ticket), 1));
      },
    },
  ];
}

/**
 * A bulk status change on 25 tickets (in progress ↔ on hold), each batch held by one request at a
 * time, as the status changes are. Each row the answer says was applied moved one revision on
 * (one conditional update) and to the status asked; a refused row keeps what it had.
 */
function bulkChanges(batches: Ticket[][], headers: Record<string, string>): autocannon.Request[] {
  const busy = new Set<Ticket[]>();
  type Context = { batch?: Ticket[]; status?: string };
  return [
    {
      method: 'POST',
      path: '/api/tickets/bulk',
      headers: { ...headers, 'content-type': 'application/json' },
      setupRequest: (request, context) => {
        const batch = batches.find((x) => !busy.has(x));
        if (!batch) throw new Error('every batch of the bulk scenario is in flight or lost: make the pool larger');
        busy.add(batch);
        // The status most of the batch is not in: the rows already there are refused, and say so.
        const onHold = batch.filter((x) => x.status === 'on_hold').length;
        const status = onHold * 2 > batch.length ? 'in_progress' : 'on_hold';
        Object.assign(context as Context, { batch, status });
        return { ...request, body: JSON.stringify({ action: 'status', status, rows: batch.map((x) => ({ number: x.number, revision: x.revision })) }) };
      },
      onResponse: (code, body, context) => {
        const { batch, status } = context as Context;
        if (!batch) return;
        if (code === 200) {
          const applied = new Set((JSON.parse(body) as { results: { number: number; ok: boolean }[] }).results.filter((r) => r.ok).map((r) => r.number));
          for (const ticket of batch) {
            if (!applied.has(ticket.number)) continue;
            ticket.revision += 1;
            ticket.status = status!;
          }
        }
        busy.delete(batch);
        batches.push(...batches.splice(batches.indexOf(batch), 1));
      },
    },
  ];
}

/** The agent's scenarios, reads first; the writes last, so that the reads see the generated data. */
export async function agentScenarios(app: RunningServer, cookie: string): Promise<Scenario[]> {
  const headers = { cookie, origin: app.url };
  const onApp = { baseUrl: app.url, serverPids: app.pids, headers };
  const get = (path: string) => ({ method: 'GET' as const, path });
  const views: Scenario[] = (Object.entries(viewSorts) as [BuiltInView, readonly string[]][]).flatMap(([view, sorts]) =>
    sorts.map((sort) => ({ key: `view:${view}:${sort}`, name: `View ${view}, by ${sort}`, ...onApp, requests: [get(`/api/tickets?view=${view}&sort=${sort}&limit=25`)] })),
  );
  const saved = await savedViewQuery(app, cookie);
  const searches: Scenario[] = listSorts.map((sort) => ({
    key: `search:${sort}`,
    name: `Agent search, by ${sort}`,
    ...onApp,
    requests: searchWords.map((w) => get(`/api/tickets?q=${encodeURIComponent(w)}&sort=${sort}`)),
  }));
  const replied = await openTickets(app, cookie, 30);
  const changed = await openTickets(app, cookie, 60, new Set(replied.map((x) => x.number)));
  // Six batches of 25 for four connections: a batch is never in two requests at once.
  const inBulk = await openTickets(app, cookie, 150, new Set([...replied, ...changed].map((x) => x.number)));
  const batches = Array.from({ length: 6 }, (_, i) => inBulk.slice(i * 25, i * 25 + 25));
  const reply = JSON.stringify({ body: 'Olá! Estamos analisando o seu chamado e retornamos em breve.', internal: false });
  return [
    ...views,
    { key: 'view:saved', name: 'Saved view (status, group, criticality)', ...onApp, requests: [get(`/api/tickets?${saved}&limit=25`)] },
    { key: 'counts', name: 'View counts (sidebar)', ...onApp, requests: [get('/api/views/counts')] },
    ...searches,
    { key: 'ticket', name: 'Ticket page (agent)', ...onApp, requests: replied.map((x) => get(`/api/tickets/${x.number}`)) },
    {
      key: 'reply',
      name: 'Public reply (agent)',
      ...onApp,
      requests: replied.map((x) => ({ method: 'POST' as const, path: `/api/tickets/${x.number}/articles`, headers: { ...headers, 'content-type': 'application/json' }, body: reply })),
    },
    { key: 'status', name: 'Status change (agent)', ...onApp, requests: statusChanges(changed, headers) },
    { key: 'bulk', name: 'Bulk status change of 25 tickets (agent)', ...onApp, connections: 4, requests: bulkChanges(batches, headers) },
  ];
}

/** Whether a scenario's CPU per request meets the issue's target at 1,000,000 tickets. */
export const agentTargets: { label: string; applies: (key: string) => boolean; check: (m: { serverCpuMicros: number; p95: number; p99: number }) => boolean }[] = [
  { label: 'each view and count ≤ 1 ms of server CPU and p99 ≤ 15 ms', applies: (k) => k.startsWith('view:') || k === 'counts', check: (m) => m.serverCpuMicros <= 1000 && m.p99 <= 15 },
  { label: 'agent search p95 ≤ 50 ms in every sort', applies: (k) => k.startsWith('search:'), check: (m) => m.p95 <= 50 },
  { label: 'ticket page ≤ 0.4 ms of server CPU', applies: (k) => k === 'ticket', check: (m) => m.serverCpuMicros <= 400 },
  { label: 'public reply ≤ 1 ms of server CPU', applies: (k) => k === 'reply', check: (m) => m.serverCpuMicros <= 1000 },
];
