/**
 * The live streams' part of `npm run bench`, on a portal of its own (the same dataset and WORKERS),
 * started fresh so that the memory the streams take shows in its processes' resident size: the
 * server memory per stream, then the list scenario while 1,000 event streams (`GET /api/live`) are
 * held open, once they closed, and with them open again; the slower run with them counts. Target:
 * the list's req/s with the streams within 15 % of its req/s without them.
 *
 * BENCH_STREAMS (1000) sets how many. run.ts calls `benchLiveStreams` after its own scenarios.
 */
import fs from 'node:fs';
import http from 'node:http';
import { serverPids, startPortal } from './children';
import { cpuBetween, sampleCpu } from './cpu';
import { measure, succeeded, type LoadOptions, type Measurement } from './measure';

/** A run of the list, with the cores other processes of the machine took meanwhile (req/s follows them on a shared machine). */
type Run = Measurement & { otherCores: number };
export type LiveBench = { streams: number; without: Run; withStreams: Run; ratio: number; bytesPerStream: number };

const streamCount = () => Number(process.env.BENCH_STREAMS ?? 1000);

/** Signs in as the list scenario does and returns the Cookie header. */
async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: 'admin@alfa.example', password: 'atende-demo' }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Resident memory of the server's processes, in bytes (Linux /proc; 0 elsewhere). */
function residentBytes(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
      return sum + Number(line?.split(/\s+/)[1] ?? 0) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}

/** Opens one stream on a connection of its own and resolves once its first event arrived; the data is read and dropped. */
function holdStream(url: URL, cookie: string): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`an event stream was refused: ${res.statusCode}`));
      res.once('data', () => resolve(req));
      res.on('data', () => undefined);
    });
    req.on('error', reject);
  });
}

/** Starts the portal on the dataset in `dataDir`, measures memory and the list with and without the streams; prints and returns the figures. */
export async function benchLiveStreams(dataDir: string, workers: number, load: LoadOptions): Promise<LiveBench> {
  const count = streamCount();
  // The streams are held with one account: this portal lets one person have them all.
  const limit = process.env.LIVE_STREAMS_PER_PERSON;
  process.env.LIVE_STREAMS_PER_PERSON = String(count + 100);
  const app = await startPortal(dataDir, workers);
  if (limit === undefined) delete process.env.LIVE_STREAMS_PER_PERSON;
  else process.env.LIVE_STREAMS_PER_PERSON = limit;
  try {
    const cookie = await signIn(app.url);
    const list = {
      key: 'list-live',
      name: `List, first page, ${count} event streams open`,
      baseUrl: app.url,
      serverPids: app.pids,
      headers: { cookie, origin: app.url },
      requests: [{ method: 'GET' as const, path: '/api/tickets?limit=25' }],
    };
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const before = residentBytes(app.pids());
    const url = new URL('/api/live', app.url);
    const hold = async () => {
      const held: http.ClientRequest[] = [];
      // A few at a time: the portal's accept queue is not what is measured.
      for (let i = 0; i < count; i += 50) held.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => holdStream(url, cookie)))));
      return held;
    };
    const release = async (held: http.ClientRequest[]) => {
      for (const req of held) req.destroy();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    };
    const run = async (scenario: typeof list): Promise<Run> => {
      process.stdout.write(`${scenario.name} …`);
      const before = sampleCpu(serverPids());
      const m = await measure(scenario, load);
      const otherCores = cpuBetween(before, sampleCpu(serverPids()))?.othersCores ?? 0;
      console.log(` ${Math.round(m.requestsPerSecond)} req/s, ${Math.round(m.serverCpuMicros)} µs of server CPU a request, other processes ${otherCores.toFixed(2)} cores`);
      return { ...m, otherCores };
    };
    let held = await hold();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const bytesPerStream = (residentBytes(app.pids()) - before) / count;
    // With, without, with again: the machine's other load drifts, the two runs with streams bracket the one without.
    const first = await run(list);
    await release(held);
    const without = await run({ ...list, key: 'list-no-streams', name: 'List, first page, no event streams' });
    held = await hold();
    const second = await run(list);
    await release(held);
    const withStreams = first.requestsPerSecond <= second.requestsPerSecond ? first : second;
    if (![first, without, second].every(succeeded)) throw new Error(`the list failed during the event-stream runs: ${JSON.stringify([first, without, second].map((m) => m.statusCodes))}`);

    // The slower of the two runs with streams, against the run without.
    const ratio = withStreams.requestsPerSecond / without.requestsPerSecond;
    console.log(`Event streams: ${count} held, list at ${(ratio * 100).toFixed(1)} % of its req/s without them (target ≥ 85 %), ${(bytesPerStream / 1024).toFixed(1)} KiB of server memory per stream\n`);
    return { streams: count, without, withStreams, ratio, bytesPerStream };
  } finally {
    await stop(app.pid);
  }
}

/** Stops the portal this part started (SIGTERM, as a supervisor would). */
function stop(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 100);
    process.kill(pid, 'SIGTERM');
  });
}

/** The section of docs/benchmarks.md about the event streams. */
export function liveSection(r: LiveBench): string {
  const line = (m: Run) => `| ${m.name} | ${Math.round(m.requestsPerSecond)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${Math.round(m.serverCpuMicros)} | ${m.otherCores.toFixed(2)} |`;
  return [
    '',
    '## Event streams',
    '',
    `On a freshly started portal (same dataset and workers): ${r.streams.toLocaleString('en-US')} event streams (\`GET /api/live\`) held open, each on its own connection, while the list scenario ran, then the list once they had closed, then with them again (the slower of the two runs with streams is shown).`,
    '',
    '| scenario | req/s | p50 ms | p99 ms | server CPU µs/request | other processes, cores |',
    '|---|---:|---:|---:|---:|---:|',
    line(r.without),
    line(r.withStreams),
    '',
    `With the streams the list keeps ${(r.ratio * 100).toFixed(1)} % of its req/s (target: within 15 %, ${r.ratio >= 0.85 ? 'met' : 'missed'}) and ` +
      `${((r.withStreams.serverCpuMicros / r.without.serverCpuMicros) * 100).toFixed(0)} % of its server CPU per request; ` +
      `each stream takes about ${(r.bytesPerStream / 1024).toFixed(1)} KiB of the server's resident memory.`,
    '',
  ].join('\n');
}

/** Appends the section to the written report. */
export function appendLiveSection(file: string, r: LiveBench): void {
  fs.appendFileSync(file, liveSection(r));
}
