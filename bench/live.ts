/**
 * The live streams' part of `npm run bench`: the list scenario measured right before and while
 * 1,000 event streams (`GET /api/live`) are held open, and the server memory each stream takes.
 * Target: the list's req/s with the streams within 15 % of its req/s without them.
 *
 * BENCH_STREAMS (1000) sets how many. run.ts calls `allowBenchStreams` before it starts the portal
 * and `benchLiveStreams` after its own scenarios.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { RunningServer } from './children';
import { measure, succeeded, type LoadOptions, type Measurement } from './measure';

export type LiveBench = { streams: number; without: Measurement; withStreams: Measurement; ratio: number; bytesPerStream: number };

const streamCount = () => Number(process.env.BENCH_STREAMS ?? 1000);

/** The benchmark holds its streams with one account: the portal it starts lets one person have them all. */
export function allowBenchStreams(): void {
  process.env.LIVE_STREAMS_PER_PERSON ??= String(streamCount() + 100);
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

/** Measures the list with and without the streams; prints and returns the figures. */
export async function benchLiveStreams(app: RunningServer, cookie: string, load: LoadOptions): Promise<LiveBench> {
  const list = {
    key: 'list-live',
    name: 'List, first page',
    baseUrl: app.url,
    serverPids: app.pids,
    headers: { cookie, origin: app.url },
    requests: [{ method: 'GET' as const, path: '/api/tickets?limit=25' }],
  };
  const count = streamCount();
  process.stdout.write(`List without event streams …`);
  const without = await measure(list, load);
  console.log(` ${Math.round(without.requestsPerSecond)} req/s`);

  const before = residentBytes(app.pids());
  const url = new URL('/api/live', app.url);
  const held: http.ClientRequest[] = [];
  // A few at a time: the portal's accept queue is not what is measured.
  for (let i = 0; i < count; i += 50) held.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => holdStream(url, cookie)))));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const bytesPerStream = (residentBytes(app.pids()) - before) / count;
  process.stdout.write(`List with ${count} event streams open …`);
  const withStreams = await measure({ ...list, key: 'list-streams', name: `List, first page, ${count} event streams open` }, load);
  console.log(` ${Math.round(withStreams.requestsPerSecond)} req/s`);
  for (const req of held) req.destroy();
  if (!succeeded(without) || !succeeded(withStreams)) throw new Error(`the list failed during the event-stream runs: ${JSON.stringify([without.statusCodes, withStreams.statusCodes])}`);

  const ratio = withStreams.requestsPerSecond / without.requestsPerSecond;
  console.log(`Event streams: ${count} held, list at ${(ratio * 100).toFixed(1)} % of its req/s without them (target ≥ 85 %), ${(bytesPerStream / 1024).toFixed(1)} KiB of server memory per stream\n`);
  return { streams: count, without, withStreams, ratio, bytesPerStream };
}

/** The section of docs/benchmarks.md about the event streams. */
export function liveSection(r: LiveBench): string {
  const line = (m: Measurement) => `| ${m.name} | ${Math.round(m.requestsPerSecond)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${Math.round(m.serverCpuMicros)} |`;
  return [
    '',
    '## Event streams',
    '',
    `The list scenario right before and while ${r.streams.toLocaleString('en-US')} event streams (\`GET /api/live\`) were held open, each on its own connection.`,
    '',
    '| scenario | req/s | p50 ms | p99 ms | server CPU µs/request |',
    '|---|---:|---:|---:|---:|',
    line(r.without),
    line(r.withStreams),
    '',
    `With the streams the list keeps ${(r.ratio * 100).toFixed(1)} % of its req/s (target: within 15 %, ${r.ratio >= 0.85 ? 'met' : 'missed'}); ` +
      `each stream takes about ${(r.bytesPerStream / 1024).toFixed(1)} KiB of the server's resident memory.`,
    '',
  ].join('\n');
}

/** Appends the section to the written report. */
export function appendLiveSection(file: string, r: LiveBench): void {
  fs.appendFileSync(file, liveSection(r));
}
