/**
 * `npm run bench`: builds a large SQLite database, starts the server on it and a bare Fastify
 * baseline (each in a child process), loads them with autocannon, prints the results and writes
 * them to docs/benchmarks.md.
 *
 * The agent's scenarios (bench/agent.ts) run at two sizes, BENCH_SMALL_TICKETS (10,000) first and
 * then with the rest at BENCH_TICKETS, and the two are compared.
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_WORKERS
 * (the portal's WORKERS; one per core), BENCH_KEEP=1 keeps the database, BENCH_TICKETS and
 * BENCH_SMALL_TICKETS make a smaller trial run (docs not written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/server/db/database';
import { demoForm } from '../src/server/test/catalog-ids';
import { serverPids, startBaseline, startPortal, stopAllServers, type RunningServer } from './children';
import { cpuBetween, sampleCpu } from './cpu';
import { generateDataset, type DatasetSize } from './generate';
import { appendLiveSection, benchLiveStreams } from './live';
import { measure, succeeded, type LoadOptions, type Measurement, type Scenario } from './measure';
import { agentAccount, agentScenarios } from './agent';
import { agentTable, agentTargetsTable, type AgentRun } from './agent-report';
import { resultsTable, targetsTable, writeMarkdown } from './report';
import { searchWords } from './words';
import { appendSlaSection, benchSlaJob, setSlaPolicies, slaSection } from './sla';

const docsFile = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const account = { email: 'admin@alfa.example', password: 'atende-demo' };
/** How deep the deep-page scenario reads: 200 pages of 25, or less on a trial-size dataset. */
const deepestPage = 200;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** Signs in through the API, as the browser does, and returns the Cookie header to send back. */
async function signIn(baseUrl: string, who = account): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${who.email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Follows nextCursor from the first page to the given one and returns that page's cursor. */
async function cursorOfPage(baseUrl: string, cookie: string, page: number): Promise<string> {
  let cursor: string | null = null;
  for (let n = 1; n < page; n++) {
    const res: Response = await fetch(`${baseUrl}/api/tickets?limit=25${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`listing page ${n} failed: ${res.status} ${await res.text()}`);
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`the signed-in company has only ${n} pages of tickets; page ${page} was wanted`);
  }
  return cursor!;
}

/** A valid opening form from the demo catalog; a few different summaries so the search index gets varied text. */
async function ticketBodies(file: string): Promise<string[]> {
  const db = openDatabase({ kind: 'sqlite', file });
  try {
    const form = await demoForm(db, 'RM');
    return ['Erro ao calcular a folha de pagamento', 'Rejeição ao transmitir o XML da NF-e', 'Lentidão ao gerar o boleto bancário', 'Dúvida sobre o evento S-1200 do eSocial'].map(
      (summary) => JSON.stringify({ ...form.fields, summary }),
    );
  } finally {
    await db.destroy();
  }
}

/** Sends one request of a failed scenario again, to show what the server answered. */
async function explainFailure(scenario: Scenario): Promise<string> {
  const req = scenario.requests[0]!;
  const res = await fetch(`${scenario.baseUrl}${req.path ?? '/'}`, {
    method: req.method ?? 'GET',
    headers: { ...scenario.headers, ...(req.headers as Record<string, string> | undefined) },
    body: typeof req.body === 'string' ? req.body : undefined,
  });
  return `${res.status} ${(await res.text()).slice(0, 500)}`;
}

const baselineScenario = (baseline: RunningServer): Scenario => ({
  key: 'baseline',
  name: 'Baseline (bare Fastify)',
  baseUrl: baseline.url,
  serverPids: baseline.pids,
  requests: [{ method: 'GET', path: '/' }],
});

/** The customer's scenarios, in order: reads first on the generated data, the opening last. */
function scenarios(app: RunningServer, cookie: string, deep: { page: number; cursor: string }, bodies: string[]): { reads: Scenario[]; writes: Scenario[] } {
  const onApp = { baseUrl: app.url, serverPids: app.pids, headers: { cookie, origin: app.url } };
  const get = (path: string) => ({ method: 'GET' as const, path });
  const reads: Scenario[] = [
    { key: 'list', name: 'List, first page', ...onApp, requests: [get('/api/tickets?limit=25')] },
    { key: 'deep', name: `List, page ${deep.page}`, ...onApp, requests: [get(`/api/tickets?limit=25&cursor=${deep.cursor}`)] },
    { key: 'search', name: 'Search', ...onApp, requests: searchWords.map((w) => get(`/api/tickets?q=${encodeURIComponent(w)}`)) },
  ];
  const writes: Scenario[] = [
    {
      key: 'create',
      name: 'Create ticket',
      ...onApp,
      // A request's own headers replace the scenario's, so they repeat the cookie and origin.
      requests: bodies.map((body) => ({ method: 'POST' as const, path: '/api/tickets', headers: { ...onApp.headers, 'content-type': 'application/json' }, body })),
    },
  ];
  return { reads, writes };
}

/** The agent's scenarios alone at a smaller size, with a baseline of their own: the other half of the comparison. */
async function agentAtSize(dir: string, load: LoadOptions, size: DatasetSize, workers: number): Promise<AgentRun> {
  const file = path.join(dir, 'atende.sqlite');
  console.log(`Generating ${size.tickets.toLocaleString('en-US')} tickets for the agent's scenarios in ${file} …`);
  await generateDataset(file, size, (line) => console.log(line));
  const baseline = await startBaseline();
  const app = await startPortal(dir, workers);
  try {
    const cookie = await signIn(app.url, agentAccount);
    const [base, ...measurements] = await measureAll([baselineScenario(baseline), ...(await agentScenarios(app, cookie))], load);
    return { tickets: size.tickets, baseline: base!, measurements };
  } finally {
    await stopAllServers();
  }
}

/** Runs the scenarios one after the other; the first with a failed request stops the benchmark. */
async function measureAll(list: Scenario[], load: LoadOptions): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const scenario of list) {
    process.stdout.write(`${scenario.name} …`);
    const m = await measure(scenario, load);
    console.log(` ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99.toFixed(1)} ms`);
    if (!succeeded(m)) {
      throw new Error(
        `${scenario.name}: ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts (status codes ${JSON.stringify(m.statusCodes)}); ` +
          `one more request answers: ${await explainFailure(scenario)}`,
      );
    }
    measurements.push(m);
  }
  return measurements;
}

async function benchmark(dir: string, load: LoadOptions, size: DatasetSize, workers: number, writeDocs: boolean, small: AgentRun) {
  const file = path.join(dir, 'atende.sqlite');
  console.log(`Generating ${size.tickets.toLocaleString('en-US')} tickets in ${file} …`);
  const dataset = await generateDataset(file, size, (line) => console.log(line));
  console.log(`Generation: ${dataset.seconds.toFixed(1)} s`);
  const sqliteVersion = new SQLite(':memory:').prepare('select sqlite_version()').pluck().get() as string;
  const bodies = await ticketBodies(file);

  const baseline = await startBaseline();
  const app = await startPortal(dir, workers);
  const cookie = await signIn(app.url);
  const deepPage = Math.max(2, Math.min(deepestPage, Math.floor(dataset.benchCompanyTickets / 25) - 1));
  const deep = { page: deepPage, cursor: await cursorOfPage(app.url, cookie, deepPage) };

  const agentCookie = await signIn(app.url, agentAccount);

  const cpuBefore = sampleCpu(serverPids());
  const customer = scenarios(app, cookie, deep, bodies);
  const agent = await agentScenarios(app, agentCookie);
  // The agent's writes after every read, the opening last of all.
  const agentReads = agent.filter((s) => !['reply', 'status'].includes(s.key));
  const agentWrites = agent.filter((s) => ['reply', 'status'].includes(s.key));
  const all = await measureAll([baselineScenario(baseline), ...customer.reads, ...agentReads, ...agentWrites], load);
  // The opening without SLA policies (as before them), then with them, one after the other.
  setSlaPolicies(file, false);
  all.push(...(await measureAll(customer.writes, load)));
  setSlaPolicies(file, true);
  all.push(...(await measureAll(customer.writes.map((s) => ({ ...s, key: `${s.key}:sla`, name: `${s.name}, SLA on` })), load)));
  const cpu = cpuBetween(cpuBefore, sampleCpu(serverPids()));
  const agentKeys = new Set(agent.map((s) => s.key));
  const measurements = all.filter((m) => !agentKeys.has(m.key));
  const large: AgentRun = { tickets: size.tickets, baseline: all[0]!, measurements: agent.map((s) => all.find((m) => m.key === s.key)!) };
  // Live streams (bench/live.ts): the list on a portal of its own, with and without 1,000 open event streams.
  const live = await benchLiveStreams(dir, workers, load);
  const sla = await benchSlaJob(file, measurements);
  console.log(slaSection(sla));

  console.log(`\n${resultsTable(measurements)}\n`);
  const agentResults = agentTable(small, large);
  const agentTargets = agentTargetsTable(small, large);
  console.log(`Agent's side:\n\n${agentResults}\n\n${agentTargets.table}\n`);
  if (cpu) console.log(`CPU during the load runs: ours ${cpu.oursCores.toFixed(2)} cores, other processes ${cpu.othersCores.toFixed(2)} cores\n`);
  const { table, missed } = targetsTable(measurements);
  console.log(`${table}\n`);
  if (writeDocs) {
    writeMarkdown(docsFile, { date: new Date(), dataset, load, workers, sqliteVersion, deepPage, searchWords, measurements, cpu, agent: { table: agentResults, targets: agentTargets.table } });
    appendLiveSection(docsFile, live);
    appendSlaSection(docsFile, sla);
    console.log(`Written to ${path.relative(process.cwd(), docsFile)}`);
  } else {
    console.log('Trial size (BENCH_TICKETS set): docs/benchmarks.md left unchanged.');
  }
  if (missed.length || agentTargets.missed.length) console.log(`Targets not met:\n${[...missed, ...agentTargets.missed].map((t) => `  - ${t}`).join('\n')}`);
}

async function main() {
  const tickets = envNumber('BENCH_TICKETS', 1_000_000);
  const smallTickets = envNumber('BENCH_SMALL_TICKETS', 10_000);
  const sizeOf = (n: number): DatasetSize => ({ companies: 1000, people: 20_000, tickets: n, benchCompanyTickets: Math.round(n / 50) });
  const load: LoadOptions = {
    seconds: envNumber('BENCH_SECONDS', 10),
    // A freshly started portal serves its first seconds about 30 % slower (JIT, SQLite's page caches).
    warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 10),
    connections: envNumber('BENCH_CONNECTIONS', 16),
  };
  // One worker process per core, as a vendor would run it on this machine (WORKERS).
  const workers = envNumber('BENCH_WORKERS', os.availableParallelism());
  const keep = process.env.BENCH_KEEP === '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-bench-'));
  const smallDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-bench-small-'));
  const cleanUp = async () => {
    await stopAllServers();
    fs.rmSync(smallDir, { recursive: true, force: true });
    if (keep) console.log(`Database kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    const processes = Math.max(1, Math.round(workers));
    const small = await agentAtSize(smallDir, load, sizeOf(smallTickets), processes);
    const trial = process.env.BENCH_TICKETS !== undefined || process.env.BENCH_SMALL_TICKETS !== undefined;
    await benchmark(dir, load, sizeOf(tickets), processes, !trial, small);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
