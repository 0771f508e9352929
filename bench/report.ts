import fs from 'node:fs';
import os from 'node:os';
import type { DatasetStats } from './generate';
import type { CpuUse } from './cpu';
import type { LoadOptions, Measurement } from './measure';

/** A performance target of product.md, checked against one measured scenario. */
type Target = { label: string; key: string; check: (m: Measurement) => boolean };

const targets: Target[] = [
  { label: 'Create ticket: ≥ 1,500 req/s and p99 ≤ 25 ms', key: 'create', check: (m) => m.requestsPerSecond >= 1500 && m.p99 <= 25 },
  { label: 'List, first page: ≥ 4,000 req/s and p99 ≤ 15 ms', key: 'list', check: (m) => m.requestsPerSecond >= 4000 && m.p99 <= 15 },
  { label: 'List, deep page: ≥ 4,000 req/s and p99 ≤ 15 ms', key: 'deep', check: (m) => m.requestsPerSecond >= 4000 && m.p99 <= 15 },
  { label: 'Search: p95 ≤ 50 ms', key: 'search', check: (m) => m.p95 <= 50 },
];

export type Report = {
  date: Date;
  dataset: DatasetStats;
  load: LoadOptions;
  sqliteVersion: string;
  /** The portal's worker processes (WORKERS). */
  workers: number;
  deepPage: number;
  searchWords: string[];
  measurements: Measurement[];
  /** CPU used during the load runs by us and by other processes, which skew the numbers. */
  cpu: CpuUse | undefined;
  /** The agent's scenarios at both sizes and their targets (agent-report.ts). */
  agent: { table: string; targets: string };
};

/** How busy the machine was during the load runs, and with what. */
function cpuLine(cpu: CpuUse | undefined, cores: number): string {
  if (!cpu) return 'CPU use during the load runs: not measured (no /proc)';
  return (
    `CPU during the ${Math.round(cpu.seconds)} s of load runs: benchmark and servers ${cpu.oursCores.toFixed(2)} cores, ` +
    `other processes ${cpu.othersCores.toFixed(2)} cores (of ${cores})` +
    (cpu.othersCores > 0.2 ? ' — **other work competed for the machine; numbers are lower than on an idle one**' : '')
  );
}

const marker = '<!-- Notes below this line are written by hand and kept when `npm run bench` rewrites this file. -->';
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

/** The results table; the ratio compares each scenario's req/s with the bare Fastify baseline. */
export function resultsTable(measurements: Measurement[]): string {
  const baseline = measurements.find((m) => m.key === 'baseline');
  const rows = measurements.map((m) => {
    const ratio = baseline ? `${((100 * m.requestsPerSecond) / baseline.requestsPerSecond).toFixed(1)} %` : '–';
    const cpu = Number.isFinite(m.serverCpuMicros) ? int(m.serverCpuMicros) : '–';
    return `| ${m.name} | ${int(m.requestsPerSecond)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.non2xx} | ${ratio} | ${cpu} |`;
  });
  const head = '| Scenario | req/s | p50 (ms) | p95 (ms) | p99 (ms) | non-2xx | req/s vs baseline | server CPU per request (µs) |';
  return [head, '|---|---:|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

/** Each target, met or not; a scenario that did not run counts as not met. */
export function targetsTable(measurements: Measurement[]): { table: string; missed: string[] } {
  const missed: string[] = [];
  const rows = targets.map((t) => {
    const m = measurements.find((x) => x.key === t.key);
    const met = m !== undefined && t.check(m);
    if (!met) missed.push(t.label);
    const measured = m ? `${int(m.requestsPerSecond)} req/s, p95 ${ms(m.p95)} ms, p99 ${ms(m.p99)} ms` : 'not run';
    return `| ${t.label} | ${measured} | ${met ? 'met' : '**not met**'} |`;
  });
  return { table: ['| Target | Measured | Result |', '|---|---|---|', ...rows].join('\n'), missed };
}

/** The whole page: context, dataset, results, targets and method; hand-written notes are kept. */
export function renderMarkdown(report: Report, previous: string | undefined): string {
  const { dataset: d, load } = report;
  const cpus = os.cpus();
  const notes = previous?.includes(marker) ? previous.slice(previous.indexOf(marker) + marker.length).trim() : '';
  return `# Benchmarks

Measured with \`npm run bench\` (bench/run.ts). Last run: ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC.
Options (environment): \`BENCH_SECONDS\` (10), \`BENCH_WARMUP_SECONDS\` (10), \`BENCH_CONNECTIONS\` (16),
\`BENCH_WORKERS\` (one per core), \`BENCH_KEEP=1\` keeps the temporary database, \`BENCH_TICKETS=<n>\` (and
\`BENCH_SMALL_TICKETS=<n>\`, the agent's small size, 10,000) makes a smaller trial run that leaves this file alone.

- Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}
- Node ${process.version}, SQLite ${report.sqliteVersion} (better-sqlite3), database file in the temp directory
- Portal: \`src/server/main.ts\` as \`npm start\` runs it, with \`WORKERS=${report.workers}\` (${report.workers === 1 ? 'one process' : `${report.workers} worker processes sharing the port and the SQLite file`}), logging off
- Load: autocannon, ${load.connections} connections, ${load.seconds} s per scenario after a ${load.warmupSeconds} s warm-up, over loopback;
  the servers run in child processes, autocannon in the parent (on ${cpus.length} cores they share the machine)
- ${cpuLine(report.cpu, cpus.length)}

## Dataset

| Companies | People | Memberships | Tickets | Tickets of the signed-in company | Generation time |
|---:|---:|---:|---:|---:|---:|
| ${int(d.companies)} | ${int(d.people)} | ${int(d.memberships)} | ${int(d.tickets)} | ${int(d.benchCompanyTickets)} | ${d.seconds.toFixed(1)} s |

Generated by bench/generate.ts: the real migrations and demo seed, then a bulk load (fixed seed) of Portuguese
summaries and incidents built from word lists, valid catalog choices, statuses by age, and creation and
update times spread over two years. The benchmark signs in as the portal administrator of Alfa Indústria
Ltda (admin@alfa.example), who reads all of Alfa's tickets.

## Results

${resultsTable(report.measurements)}

- **Baseline**: a bare Fastify app answering \`{ok:true}\`, started the same way: the ceiling of this machine.
- **Create ticket**: \`POST /api/tickets\` with a valid form (RM line), session cookie and \`Origin\`; run last, so that the read scenarios see the generated data only.
- **List, first page**: \`GET /api/tickets?limit=25\`.
- **List, deep page**: \`GET /api/tickets?limit=25&cursor=…\` with the cursor of page ${report.deepPage}, taken beforehand by following \`nextCursor\`.
- **Search**: \`GET /api/tickets?q=<word>\`, each connection cycling over ${report.searchWords.map((w) => `“${w}”`).join(', ')}.

Latency percentiles are computed from every successful response of the measured run. The server CPU per
request is the CPU time of the server's processes (all workers) over the run divided by its responses: it is
what to compare between runs on a busy machine; 1,000,000 / µs is what one free core can serve.

## Targets

${targetsTable(report.measurements).table}

## The agent's side

Signed in as an agent of every group (analista@atende.example, who is also the assignee of every ticket the
generator handled), on a dataset of the small size first and then on the one above: each built-in view in each
sort it offers (first page of 25), a saved view with three filters (open statuses, the RM group, critical or
high, by criticality), the sidebar's counts (every built-in view and the saved one, each up to 99), an agent
search in each sort, the ticket page, a public reply and a status change (bench/agent.ts). “vs baseline” is the
scenario's server CPU per request over the bare Fastify baseline's in the same run.

${report.agent.table}

${report.agent.targets}

${marker}

${notes}
`;
}

export function writeMarkdown(file: string, report: Report): void {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, renderMarkdown(report, previous));
}
