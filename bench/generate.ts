import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { levels } from '../src/contracts/criticality';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/demo/demo.seed';
import { loadConfig } from '../src/server/config';
import { readCatalog, type Catalog, type LineChoices } from './catalog';
import { clocksOfGenerated } from './sla';
import { companyName, createRandom, incidentText, personName, summaryText, type Random } from './words';

export type DatasetSize = {
  companies: number;
  people: number;
  tickets: number;
  /** Tickets of the company the benchmark signs in to, so that its deep pages are deep. */
  benchCompanyTickets: number;
};

export type DatasetStats = { companies: number; people: number; memberships: number; tickets: number; benchCompanyTickets: number; seconds: number };

/** The demo company whose portal administrator the benchmark signs in as. */
export const benchCompanyCnpj = '11222333000181';

const day = 86_400_000;
const rowsPerTransaction = 50_000;

type Company = { id: number; members: string[]; lines: LineChoices[] };

/**
 * Builds the benchmark database: the real migrations and demo seed through Kysely, then
 * companies, people and tickets bulk-loaded through a raw better-sqlite3 connection, with
 * the ticket indexes, FTS index and triggers rebuilt once at the end (much faster than
 * updating them row by row).
 */
export async function generateDataset(file: string, size: DatasetSize, log: (line: string) => void): Promise<DatasetStats> {
  const started = performance.now();
  const db = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(db);
  await seedDemo(db);
  await db.destroy();

  const raw = new SQLite(file);
  // Nothing here needs to survive a crash: a failed run is simply generated again.
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1000000');
  raw.pragma('temp_store = MEMORY');
  try {
    const r = createRandom(20_240_501);
    const catalog = readCatalog(raw);
    const companies = insertCompanies(raw, r, catalog, size);
    insertPeople(raw, r, companies, size);
    log(`  ${companies.length} companies and their people in ${seconds(started)} s`);
    withTicketIndexesRebuilt(raw, log, () => insertTickets(raw, r, catalog, companies, size, log));
    raw.prepare("update ticket_sequence set value = (select coalesce(max(number), 0) from ticket) where name = 'ticket'").run();
    // Every open ticket has its clocks already: no walk for tickets without them (sla.job.ts).
    raw.prepare('update sla_setup set backfill_version = version').run();
    raw.pragma('journal_mode = WAL');
    return { ...countRows(raw), seconds: Number(seconds(started)) };
  } finally {
    raw.close();
  }
}

/** Adds companies up to the wanted count, each entitled to a few service lines. */
function insertCompanies(raw: SQLite.Database, r: Random, catalog: Catalog, size: DatasetSize): Company[] {
  const at = new Date().toISOString();
  const company = (n: number) => ({ name: companyName(r, n), cnpj: String(90_000_000_000_000 + n), country: 'BR', active: 1, created_at: at, updated_at: at });
  const insertCompany = insertInto(raw, 'company', company(0));
  const insertEntitlement = raw.prepare('insert or ignore into entitlement (company_id, service_line_id) values (?, ?)');
  const existing = raw.prepare('select count(*) from company').pluck().get() as number;
  // Every company has a software line (most tickets), plus one to three other lines.
  const software = catalog.lines.filter((l) => ['RM', 'PROTHEUS', 'DATASUL', 'LOGIX'].includes(l.code));
  raw.transaction(() => {
    for (let n = existing; n < size.companies; n++) {
      const { lastInsertRowid } = insertCompany.run(company(n));
      insertEntitlement.run(lastInsertRowid, r.pick(software).id);
      for (let k = 1 + r.int(3); k > 0; k--) insertEntitlement.run(lastInsertRowid, r.pick(catalog.lines).id);
    }
  })();

  const linesOf = raw.prepare('select service_line_id from entitlement where company_id = ?').pluck();
  const ids = raw.prepare('select id from company order by id').pluck().all() as number[];
  return ids.map((id) => {
    const lineIds = new Set(linesOf.all(id) as number[]);
    return { id, members: [], lines: catalog.lines.filter((l) => lineIds.has(l.id)) };
  });
}

/** Adds people, ~people/companies per company; the first one of a new company is its portal administrator. */
function insertPeople(raw: SQLite.Database, r: Random, companies: Company[], size: DatasetSize): void {
  const at = new Date().toISOString();
  const person = { id: '', name: '', email: '', email_verified: 0, language: 'pt-BR', active: 1, created_at: at, updated_at: at };
  const membership = { person_id: '', company_id: 0, is_portal_admin: 0, sees_all_tickets: 0, may_request_consulting: 0, created_at: at };
  const insertPerson = insertInto(raw, 'person', person);
  const insertMembership = insertInto(raw, 'membership', membership);
  const membersOf = raw.prepare('select person_id from membership where company_id = ?').pluck();
  const perCompany = Math.max(1, Math.round(size.people / size.companies));
  raw.transaction(() => {
    for (const company of companies) {
      company.members.push(...(membersOf.all(company.id) as string[]));
      for (let n = company.members.length; n < perCompany; n++) {
        const id = randomUUID();
        const admin = n === 0;
        insertPerson.run({ ...person, id, name: personName(r), email: `pessoa${n}@empresa${company.id}.example` });
        const rights = { is_portal_admin: Number(admin), sees_all_tickets: Number(admin || r.next() < 0.2), may_request_consulting: Number(admin || r.next() < 0.3) };
        insertMembership.run({ ...membership, person_id: id, company_id: company.id, ...rights });
        company.members.push(id);
      }
    }
  })();
}

/**
 * Drops the ticket table's indexes and triggers (keeping their exact SQL), runs the load,
 * then recreates them and fills the full-text index in one pass, merged into one segment.
 */
function withTicketIndexesRebuilt(raw: SQLite.Database, log: (line: string) => void, load: () => void): void {
  type Item = { type: 'index' | 'trigger'; name: string; sql: string };
  const items = raw
    .prepare("select type, name, sql from sqlite_master where tbl_name = 'ticket' and type in ('index', 'trigger') and sql is not null")
    .all() as Item[];
  // Only the full-text index is rebuilt below; any other trigger's work is missing for the generated rows.
  const others = items.filter((i) => i.type === 'trigger' && !i.name.startsWith('ticket_search_'));
  if (others.length) log(`  warning: triggers ${others.map((i) => i.name).join(', ')} are not applied to the generated tickets`);
  for (const item of items) raw.exec(`drop ${item.type} "${item.name}"`);
  load();
  const started = performance.now();
  for (const item of items.filter((i) => i.type === 'index')) raw.exec(item.sql);
  log(`  ticket indexes in ${seconds(started)} s`);
  const ftsStarted = performance.now();
  raw.exec(`insert into ticket_search(rowid, scope, summary, incident)
    select id, 'c' || company_id || ' g' || coalesce(group_id, 0) || ' k' || coalesce(criticality_rank, 4), summary, incident from ticket`);
  // Merged as the portal's maintenance thread keeps it, not left in the many segments of one bulk load.
  raw.exec(`insert into ticket_search(ticket_search) values ('optimize')`);
  log(`  full-text index in ${seconds(ftsStarted)} s`);
  for (const item of items.filter((i) => i.type === 'trigger')) raw.exec(item.sql);
}

/** Picks companies with a mild skew (weight 1/√rank), the benchmark company getting its fixed share. */
function companyPicker(r: Random, companies: Company[], benchCompanyId: number, benchShare: number) {
  const others = companies.filter((c) => c.id !== benchCompanyId);
  const bench = companies.find((c) => c.id === benchCompanyId)!;
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= others.length; rank++) cumulative.push((total += 1 / Math.sqrt(rank)));
  // The benchmark company gets every (1/share)-th ticket: exactly its count, evenly over time.
  return (i: number): Company => {
    if (Math.floor((i + 1) * benchShare) > Math.floor(i * benchShare)) return bench;
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return others[lo]!;
  };
}

/** Old tickets are mostly closed; recent ones spread over the open statuses. */
function statusFor(r: Random, ageDays: number): string {
  const x = r.next();
  if (ageDays > 60) return x < 0.93 ? 'closed' : x < 0.97 ? 'solution_proposed' : 'on_hold';
  if (x < 0.25) return 'new';
  if (x < 0.5) return 'in_progress';
  if (x < 0.65) return 'waiting_customer';
  if (x < 0.75) return 'on_hold';
  if (x < 0.85) return 'solution_proposed';
  return 'closed';
}

/**
 * A prepared insert (named parameters) of the given row's columns that the table has. The schema
 * is still growing: a nullable column the generator does not know stays null, but a required
 * one fails here, naming the column to add to the generator.
 */
function insertInto(raw: SQLite.Database, table: string, row: Record<string, unknown>): SQLite.Statement {
  type Column = { name: string; notnull: number; dflt_value: unknown; pk: number };
  const columns = raw.pragma(`table_info(${table})`) as Column[];
  const missing = columns.filter((c) => c.notnull && c.dflt_value === null && !c.pk && !(c.name in row));
  if (missing.length) throw new Error(`bench/generate.ts does not fill ${table}.${missing.map((c) => c.name).join(', ')}`);
  const known = columns.filter((c) => c.name in row).map((c) => c.name);
  return raw.prepare(`insert into ${table} (${known.join(', ')}) values (${known.map((c) => `@${c}`).join(', ')})`);
}

/** Inserts the tickets in creation order (ids and numbers grow with time), each with its "opened" event. */
function insertTickets(raw: SQLite.Database, r: Random, catalog: Catalog, companies: Company[], size: DatasetSize, log: (line: string) => void): void {
  const started = performance.now();
  const benchCompanyId = raw.prepare('select id from company where cnpj = ?').pluck().get(benchCompanyCnpj) as number;
  const pickCompany = companyPicker(r, companies, benchCompanyId, size.benchCompanyTickets / size.tickets);
  const agentId = raw.prepare("select id from person where staff_role = 'agent' limit 1").pluck().get() as string;
  const firstNumber = (raw.prepare("select value from ticket_sequence where name = 'ticket'").pluck().get() as number) + 1;
  const end = Date.now();
  const span = 730 * day;
  // The portal closes a solution left unconfirmed this long (a job every minute), so none older waits.
  const autoCloseMs = loadConfig(process.env).tickets.autoCloseDays * day;
  // The open tickets' SLA clocks, as the portal would have computed them (bench/sla.ts).
  const clocksOf = clocksOfGenerated(raw);
  const clocks = new Map<number, ReturnType<typeof clocksOf>>();

  const ticketAt = (i: number) => {
    const company = pickCompany(i);
    const line = r.pick(company.lines);
    const module = r.pick(line.modules);
    const routine = r.pick(module.routines);
    const c = r.pick(catalog.classifications);
    const requester = r.pick(company.members);
    const createdMs = end - span + ((i + r.next()) * span) / size.tickets;
    let status = statusFor(r, (end - createdMs) / day);
    // Activity continues for hours to weeks after opening; recent tickets are cut at a random
    // point before now rather than all sharing now's timestamp.
    const activityMs = -Math.log(1 - r.next()) * (status === 'closed' ? 5 : 2) * day;
    let updatedMs = createdMs + (createdMs + activityMs < end ? activityMs : r.next() * (end - createdMs));
    const proposedMs = (createdMs + updatedMs) / 2;
    if (status === 'solution_proposed' && proposedMs < end - autoCloseMs) {
      status = 'closed';
      updatedMs = proposedMs + autoCloseMs;
    }
    const updated = new Date(updatedMs).toISOString();
    const handled = status !== 'new';
    const row = {
      number: firstNumber + i,
      company_id: company.id,
      requester_id: requester,
      opened_by_id: requester,
      service_line_id: line.id,
      country: 'BR',
      category_id: c.categoryId,
      origin_id: c.originId,
      effect_id: c.effectId,
      module_id: module.id,
      routine_id: routine.id,
      version_id: line.versionIds.length ? r.pick(line.versionIds) : null,
      environment_id: line.environmentIds.length ? r.pick(line.environmentIds) : null,
      summary: summaryText(r, routine.name),
      incident: incidentText(r, module.name, routine.name),
      criticality: c.level,
      criticality_rank: levels.indexOf(c.level),
      criticality_reason: c.reason,
      status,
      group_id: catalog.groupIdByLine.get(line.id) ?? null,
      assignee_id: handled ? agentId : null,
      revision: handled ? 2 + r.int(6) : 1,
      solution_proposed_at: status === 'solution_proposed' || status === 'closed' ? new Date(proposedMs).toISOString() : null,
      closed_at: status === 'closed' ? updated : null,
      rating: status === 'closed' && r.next() < 0.3 ? 3 + r.int(3) : null,
      created_at: new Date(createdMs).toISOString(),
      updated_at: updated,
    };
    const sla = clocksOf(row);
    if (sla.clocks.length || sla.pause) clocks.set(i, sla);
    return { ...row, sla_due_at: sla.sla_due_at, sla_warn_at: sla.sla_warn_at, sla_breached_at: sla.sla_breached_at };
  };

  const first = ticketAt(0);
  const insertTicket = insertInto(raw, 'ticket', first);
  const event = { ticket_id: 0, actor_id: '', kind: 'opened', public: 1, created_at: '' };
  const insertEvent = insertInto(raw, 'ticket_event', event);
  const clockColumns = ['ticket_id', 'target', 'cycle', 'policy_id', 'setup_version', 'target_minutes', 'started_at', 'due_at', 'warn_at', 'state', 'breached_at', 'paused_minutes', 'warned_at', 'breach_notified_at'];
  const insertClock = raw.prepare(`insert into ticket_sla (${clockColumns.join(', ')}) values (${clockColumns.map((c) => `@${c}`).join(', ')})`);
  const insertPause = raw.prepare('insert into ticket_sla_pause (ticket_id, started_at, status) values (?, ?, ?)');
  const loadBatch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ticket = i === 0 ? first : ticketAt(i);
      const { lastInsertRowid } = insertTicket.run(ticket);
      insertEvent.run({ ...event, ticket_id: lastInsertRowid, actor_id: ticket.requester_id, created_at: ticket.created_at });
      const sla = clocks.get(i);
      if (sla) {
        for (const clock of sla.clocks) insertClock.run({ ...clock, ticket_id: lastInsertRowid });
        if (sla.pause) insertPause.run(lastInsertRowid, sla.pause.started_at, sla.pause.status);
        clocks.delete(i);
      }
    }
  });
  for (let from = 0; from < size.tickets; from += rowsPerTransaction) {
    loadBatch(from, Math.min(size.tickets, from + rowsPerTransaction));
    if ((from / rowsPerTransaction) % 4 === 3 && from + rowsPerTransaction < size.tickets) log(`  ${from + rowsPerTransaction} tickets in ${seconds(started)} s`);
  }
  log(`  ${size.tickets} tickets in ${seconds(started)} s`);
}

function countRows(raw: SQLite.Database): Omit<DatasetStats, 'seconds'> {
  const count = (sql: string, ...params: unknown[]) => raw.prepare(sql).pluck().get(...params) as number;
  return {
    companies: count('select count(*) from company'),
    people: count('select count(*) from person'),
    memberships: count('select count(*) from membership'),
    tickets: count('select count(*) from ticket'),
    benchCompanyTickets: count('select count(*) from ticket where company_id = (select id from company where cnpj = ?)', benchCompanyCnpj),
  };
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
