import autocannon from 'autocannon';
import { treeSeconds } from './cpu';

/** One benchmarked endpoint: the requests each connection cycles through, against one server. */
export type Scenario = {
  key: string;
  name: string;
  baseUrl: string;
  requests: autocannon.Request[];
  headers?: Record<string, string>;
  /** The server's processes (with its workers), whose CPU time per request is measured. */
  serverPids: () => number[];
  /** Fewer connections than the run's, for writes whose pool of rows must outnumber those in flight. */
  connections?: number;
};

export type Measurement = {
  key: string;
  name: string;
  /** Successful responses per second over the measured run. */
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /**
   * Server CPU time per successful response, in µs: unlike req/s, it hardly changes when
   * other processes compete for the cores. 1,000,000 / this is the most one core can serve.
   */
  serverCpuMicros: number;
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

export type LoadOptions = { seconds: number; warmupSeconds: number; connections: number };

/** Latencies of successful responses, in ms, gathered per response (autocannon reports no p95). */
type Run = { result: autocannon.Result; latencies: number[] };

function runOnce(scenario: Scenario, seconds: number, connections: number): Promise<Run> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: scenario.baseUrl,
        connections,
        duration: seconds,
        headers: scenario.headers,
        requests: scenario.requests,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Loads one scenario: a warm-up (JIT, SQLite page caches) whose numbers are dropped, then
 * the measured run with `connections` concurrent keep-alive connections.
 */
export async function measure(scenario: Scenario, options: LoadOptions): Promise<Measurement> {
  if (options.warmupSeconds > 0) await runOnce(scenario, options.warmupSeconds, scenario.connections ?? options.connections);
  const pids = scenario.serverPids();
  const cpuBefore = treeSeconds(pids);
  const { result, latencies } = await runOnce(scenario, options.seconds, scenario.connections ?? options.connections);
  const serverCpu = treeSeconds(pids) - cpuBefore;
  const sorted = Float64Array.from(latencies).sort();
  const values = Array.from(sorted);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s?.count ?? 0]));
  return {
    key: scenario.key,
    name: scenario.name,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    serverCpuMicros: latencies.length ? (serverCpu * 1e6) / latencies.length : Number.NaN,
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** Whether every request of the run succeeded: no non-2xx, no connection error, no timeout. */
export function succeeded(m: Measurement): boolean {
  return m.non2xx === 0 && m.errors === 0 && m.timeouts === 0 && m.responses > 0;
}
