import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCap, viewSorts, type BuiltInView } from '../../../contracts/views';
import { generateTickets, type GeneratedTicket } from '../../test/generated-tickets';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { createPerson, setPersonPassword } from '../people/people.service';

/**
 * Views at scale: thousands of tickets inserted directly, and every view's count, every filter and
 * every sort checked against a count and an order computed here from the rows themselves.
 */
describe('views count right at scale', () => {
  let t: TestApp;
  let tickets: GeneratedTicket[];
  const cookies: Record<string, string> = {};
  const people: Record<string, { id: string; groups: number[] | 'all' }> = {};
  const week = () => new Date(Date.now() - 7 * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await buildTestApp();
    const groups = await t.db.selectFrom('agent_group').select(['id', 'name']).execute();
    const rm = groups.find((g) => g.name === 'Suporte RM')!.id;
    const rita = await createPerson(t.db, { name: 'Rita RM', email: 'rita@atende.example', staffRole: 'agent' });
    await setPersonPassword(t.db, rita, 'atende-demo');
    await t.db.insertInto('group_member').values({ group_id: rm, person_id: rita }).execute();
    const agent = (await t.db.selectFrom('person').select('id').where('email', '=', demoRoles.agent).executeTakeFirstOrThrow()).id;
    const admin = (await t.db.selectFrom('person').select('id').where('email', '=', demoRoles.admin).executeTakeFirstOrThrow()).id;
    people.agent = { id: agent, groups: groups.map((g) => g.id) };
    people.rita = { id: rita, groups: [rm] };
    people.admin = { id: admin, groups: 'all' };
    tickets = await generateTickets(t.db, 4000, { assignees: [null, null, agent, rita, admin], tags: ['vip', 'folha', 'boleto'] });
    cookies.agent = await signIn(t.app, demoRoles.agent);
    cookies.rita = await signIn(t.app, 'rita@atende.example');
    cookies.admin = await signIn(t.app, demoRoles.admin);
  }, 120_000);
  afterAll(() => t.close());

  const readable = (who: string) => tickets.filter((x) => people[who]!.groups === 'all' || (x.group_id !== null && (people[who]!.groups as number[]).includes(x.group_id)));
  const open = (x: GeneratedTicket) => x.status !== 'closed';
  const inView = (who: string, view: BuiltInView) => (x: GeneratedTicket) =>
    ({
      unassigned: open(x) && x.assignee_id === null,
      mine: open(x) && x.assignee_id === people[who]!.id,
      open: open(x),
      waiting: x.status === 'waiting_customer' || x.status === 'solution_proposed',
      recently_closed: x.status === 'closed' && x.closed_at! >= week(),
      // The generated tickets have no SLA clocks.
      due_soon: false,
      breached: false,
    })[view];
  const capped = (n: number) => (n > countCap ? { count: countCap, capped: true } : { count: n, capped: false });
  const get = async (who: string, url: string) => {
    const res = await request(t.app, { method: 'GET', url, cookie: cookies[who] });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };

  /** The rows in a sort's order, as the list pages them. */
  const sorted = (rows: GeneratedTicket[], sort: string, order: 'asc' | 'desc') => {
    const key = (x: GeneratedTicket): (string | number)[] =>
      sort === 'updated' ? [x.updated_at, x.id] : sort === 'criticality' ? [x.criticality_rank, x.created_at, x.id] : [x.number];
    const direction = sort === 'criticality' ? 1 : order === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i]! < kb[i]! ? -1 : 1) * direction;
      return 0;
    });
  };
  /** Every page of a list, following the cursors. */
  const allPages = async (who: string, query: string) => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { tickets: { number: number }[]; nextCursor: string | null } = await get(who, `/api/tickets?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.tickets.map((x) => x.number));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('counts each built-in view as the rows say, up to the cap', async () => {
    for (const who of ['agent', 'rita', 'admin']) {
      const { builtIn } = await get(who, '/api/views/counts');
      for (const view of Object.keys(viewSorts) as BuiltInView[]) {
        expect(builtIn[view], `${who} ${view}`).toEqual(capped(readable(who).filter(inView(who, view)).length));
      }
    }
    // Both sides of the cap are exercised.
    const all = (await Promise.all(['agent', 'rita', 'admin'].map(async (who) => Object.values((await get(who, '/api/views/counts')).builtIn)))).flat() as { count: number; capped: boolean }[];
    expect(all.some((c) => c.capped)).toBe(true);
    expect(all.some((c) => !c.capped && c.count > 0)).toBe(true);
  });

  it('lists each built-in view in each of its sorts, in both orders, as the rows say', async () => {
    for (const who of ['agent', 'rita']) {
      for (const [view, sorts] of Object.entries(viewSorts) as [BuiltInView, string[]][]) {
        for (const sort of ['updated', 'created', 'number', 'criticality']) {
          // Every sort is answered right; the view's own sorts are the ones it offers in the workspace.
          for (const order of sorts.includes(sort) ? (['desc', 'asc'] as const) : (['desc'] as const)) {
            const expected = sorted(readable(who).filter(inView(who, view)), sort, order).map((x) => x.number);
            expect(await allPages(who, `view=${view}&sort=${sort}&order=${order}`), `${who} ${view} ${sort} ${order}`).toEqual(expected);
          }
        }
      }
    }
  }, 120_000);

  it('filters by every field as the rows say, and counts a saved view with them', async () => {
    const sample = tickets.slice(123).find((x) => x.group_id !== null)!;
    // An old ticket updated now leads a search by update: SQLite reads the newest tickets' matches first, then the older ones'.
    const old = tickets.find((x) => x.incident.includes('boleto') && x.group_id !== null)!;
    old.updated_at = new Date().toISOString();
    await t.db.updateTable('ticket').set({ updated_at: old.updated_at }).where('id', '=', old.id).execute();
    // A ticket whose criticality an agent changes is searched by its new one.
    const planning = tickets.find((x) => x.incident.includes('folha') && x.group_id !== null && x.criticality === 'planning')!;
    const { revision } = await get('agent', `/api/tickets/${planning.number}`);
    const changed = await request(t.app, { method: 'PATCH', url: `/api/tickets/${planning.number}`, cookie: cookies.agent, payload: { revision, criticality: 'critical', criticalityReason: 'Folha parada' } });
    expect(changed.statusCode, changed.body).toBe(200);
    Object.assign(planning, { criticality: 'critical', criticality_rank: 0, updated_at: changed.json().updatedAt });
    const since = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const cases: [string, Record<string, unknown>, (x: GeneratedTicket) => boolean][] = [
      ['status=new,on_hold', { status: ['new', 'on_hold'] }, (x) => ['new', 'on_hold'].includes(x.status)],
      [`groupId=${sample.group_id}`, { groupId: [sample.group_id] }, (x) => x.group_id === sample.group_id],
      ['assignee=me', { assignee: 'me' }, (x) => x.assignee_id === people.agent!.id],
      ['assignee=nobody', { assignee: 'nobody' }, (x) => x.assignee_id === null],
      ['assignee=anyone', { assignee: 'anyone' }, (x) => x.assignee_id !== null],
      [`assignee=${people.rita!.id}`, { assignee: people.rita!.id }, (x) => x.assignee_id === people.rita!.id],
      [`companyId=${sample.company_id}`, { companyId: [sample.company_id] }, (x) => x.company_id === sample.company_id],
      [`serviceLineId=${sample.service_line_id}`, { serviceLineId: [sample.service_line_id] }, (x) => x.service_line_id === sample.service_line_id],
      [`moduleId=${sample.module_id}`, { moduleId: [sample.module_id] }, (x) => x.module_id === sample.module_id],
      [`categoryId=${sample.category_id}`, { categoryId: [sample.category_id] }, (x) => x.category_id === sample.category_id],
      ['criticality=critical,low', { criticality: ['critical', 'low'] }, (x) => ['critical', 'low'].includes(x.criticality)],
      ['tags=vip', { tags: ['vip'] }, (x) => x.tags.includes('vip')],
      ['tags=vip,folha', { tags: ['vip', 'folha'] }, (x) => x.tags.includes('vip') && x.tags.includes('folha')],
      ['openedDays=10', { openedDays: 10 }, (x) => x.created_at >= since(10)],
      ['updatedDays=3', { updatedDays: 3 }, (x) => x.updated_at >= since(3)],
      ['q=folha', { q: 'folha' }, (x) => x.incident.includes('folha')],
      // More than 2,000 matches: SQLite walks the sort's index and looks each row up among them.
      ['q=boleto', { q: 'boleto' }, (x) => x.incident.includes('boleto')],
      ['view=open&criticality=critical,high&tags=folha', { view: 'open', criticality: ['critical', 'high'], tags: ['folha'] }, (x) => open(x) && x.criticality_rank <= 1 && x.tags.includes('folha')],
      [`view=mine&groupId=${sample.group_id}&updatedDays=20`, { view: 'mine', groupId: [sample.group_id], updatedDays: 20 }, (x) => open(x) && x.assignee_id === people.agent!.id && x.group_id === sample.group_id && x.updated_at >= since(20)],
    ];
    for (const [query, filters, predicate] of cases) {
      const matches = readable('agent').filter(predicate);
      expect(matches.length, `${query} matches something`).toBeGreaterThan(0);
      for (const sort of ['updated', 'criticality']) {
        expect(await allPages('agent', `${query}&sort=${sort}`), `${query} ${sort}`).toEqual(sorted(matches, sort, 'desc').map((x) => x.number));
      }
      if (query === 'q=boleto') expect((await get('agent', '/api/tickets?q=boleto&sort=updated&limit=1')).tickets[0].number).toBe(old.number);
      const res = await request(t.app, { method: 'POST', url: '/api/views', cookie: cookies.agent, payload: { name: query, filters } });
      expect(res.statusCode, res.body).toBe(201);
      const { saved } = await get('agent', '/api/views/counts');
      expect(saved.find((s: { id: number }) => s.id === res.json().id), query).toEqual({ id: res.json().id, ...capped(matches.length) });
    }
  }, 120_000);

  it('reads each built-in view in each of its sorts from an index in the sort\'s order, and counts from covering indexes (SQLite\'s plans)', async () => {
    if (t.db.dialectName !== 'sqlite') return;
    const read = t.db.sqliteRead!;
    let last: { sql: string; parameters: readonly unknown[] } | undefined;
    t.db.sqliteRead = (sql, parameters) => {
      last = { sql, parameters };
      return read(sql, parameters);
    };
    const planOf = async (url: string) => {
      await get('agent', url);
      const plan = (read(`explain query plan ${last!.sql}`, last!.parameters) as { detail: string }[]).map((row) => row.detail);
      // The list's own steps; the row's tags are a subquery of their own (a few, sorted by name).
      const tags = plan.findIndex((line) => line.startsWith('CORRELATED SCALAR SUBQUERY'));
      return tags < 0 ? plan : plan.slice(0, tags);
    };
    try {
      // The index each list walks: the open tickets' in the sort's order, the assignee's for "mine" and "unassigned".
      const walks: Record<BuiltInView, Record<string, string>> = {
        unassigned: { updated: 'ticket_open_assignee_updated', created: 'ticket_open_assignee_number', number: 'ticket_open_assignee_number', criticality: 'ticket_open_assignee_criticality' },
        mine: { updated: 'ticket_open_assignee_updated', created: 'ticket_open_assignee_number', number: 'ticket_open_assignee_number', criticality: 'ticket_open_assignee_criticality' },
        open: { updated: 'ticket_open_updated', created: 'ticket_open_number', number: 'ticket_open_number', criticality: 'ticket_open_criticality' },
        waiting: { updated: 'ticket_open_updated', created: 'ticket_open_number', number: 'ticket_open_number', criticality: 'ticket_waiting_criticality' },
        recently_closed: { updated: 'ticket_updated' },
        due_soon: { due: 'ticket_open_sla_due' },
        breached: { updated: 'ticket_open_updated', criticality: 'ticket_open_criticality' },
      };
      for (const [view, sorts] of Object.entries(walks) as [BuiltInView, Record<string, string>][]) {
        for (const [sort, index] of Object.entries(sorts)) {
          for (const order of ['desc', 'asc']) {
            const plan = await planOf(`/api/tickets?view=${view}&sort=${sort}&order=${order}`);
            const scan = plan.find((line) => /^(SCAN|SEARCH) ticket\b/.test(line));
            expect(scan, `${view} ${sort} ${order}: ${plan.join(' | ')}`).toContain(`INDEX ${index}`);
            expect(plan.join(" | "), `${view} ${sort} ${order}: ${plan.join(" | ")}`).not.toContain("TEMP B-TREE");
          }
        }
      }
      // A saved view's three filters walk the same indexes.
      const saved = await planOf(`/api/tickets?view=open&criticality=critical,high&groupId=${people.rita!.groups[0]}&sort=criticality`);
      expect(saved.join(' | ')).toContain('INDEX ticket_open_criticality');
      expect(saved.join(' | ')).not.toContain('TEMP B-TREE');
      // A search matching thousands in another order than the number's walks the sort's index too.
      const byUpdate = await planOf('/api/tickets?q=boleto&sort=updated');
      expect(byUpdate.join(' | ')).toContain('INDEX ticket_updated');
      expect(byUpdate.join(' | ')).not.toContain('TEMP B-TREE');
      // By criticality, each level's matches are read from the full-text index in rowid order.
      const byCriticality = await planOf('/api/tickets?q=boleto&sort=criticality');
      expect(byCriticality.join(' | ')).toMatch(/^CO-ROUTINE page \| SCAN ticket_search VIRTUAL TABLE/);
      expect(byCriticality.join(' | ')).not.toContain('TEMP B-TREE');
      // Fewer matches are sorted as ids, and only the page's rows are read and written as JSON.
      const few = await planOf('/api/tickets?q=folha&sort=updated');
      expect(few.join(' | ')).toMatch(/^CO-ROUTINE page \| SEARCH ticket USING INTEGER PRIMARY KEY \(rowid=\?\) \| LIST SUBQUERY/);
      // The counts read indexes alone.
      await get('agent', '/api/views/counts');
      const counts: string[] = [];
      t.db.sqliteRead = (sql, parameters) => {
        if (sql.includes('count(*)')) counts.push((read(`explain query plan ${sql}`, parameters) as { detail: string }[]).map((row) => row.detail).join(' | '));
        return read(sql, parameters);
      };
      await get('agent', '/api/views/counts');
      expect(counts.length).toBeGreaterThanOrEqual(5);
      for (const plan of counts.slice(0, 5)) expect(plan).toMatch(/USING COVERING INDEX (ticket_group_status|ticket_assignee_status|ticket_closed)/);
      // "Vencendo" and "Violados" seek the open tickets' due and breach indexes (migration 016).
      expect(counts[5]).toMatch(/USING (COVERING )?INDEX ticket_open_sla_due/);
      expect(counts[6]).toMatch(/USING (COVERING )?INDEX ticket_open_sla_breached/);
    } finally {
      t.db.sqliteRead = read;
    }
  });

  it('can read each open view in each sort from the open tickets\' partial indexes, in order (PostgreSQL\'s plans)', async () => {
    if (t.db.dialectName !== 'postgres') return;
    const execute = t.db.executeQuery.bind(t.db);
    let last: CompiledQuery | undefined;
    t.db.executeQuery = ((query: CompiledQuery) => {
      if (query.sql.includes('string_agg')) last = query;
      return execute(query);
    }) as typeof t.db.executeQuery;
    try {
      await sql`analyze ticket`.execute(t.db);
      for (const view of ['unassigned', 'mine', 'open', 'waiting']) {
        for (const sort of ['updated', 'created', 'criticality']) {
          await get('agent', `/api/tickets?view=${view}&sort=${sort}`);
          // With sequential scans priced out, the plan shows whether the query's predicate lets an open-ticket index serve it.
          const plan = await t.db.transaction().execute(async (trx) => {
            await sql`set local enable_seqscan = off`.execute(trx);
            await sql`set local enable_bitmapscan = off`.execute(trx);
            const rows = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${last!.sql}`, [...last!.parameters]));
            return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
          });
          expect(plan, `${view} ${sort}`).toMatch(/Index Scan( Backward)? using ticket_(open|waiting)_\w+ on ticket/);
        }
      }
    } finally {
      t.db.executeQuery = execute;
    }
  });
});
