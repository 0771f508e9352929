import { agentTargets } from './agent';
import type { Measurement } from './measure';

/** One size's run of the agent's scenarios, with the bare Fastify baseline measured in the same run. */
export type AgentRun = { tickets: number; baseline: Measurement; measurements: Measurement[] };

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const ratio = (n: number, of: number) => `${(n / of).toFixed(1)}×`;

/**
 * The agent's scenarios at both sizes: server CPU per request, its ratio to the baseline's CPU per
 * request of the same run, the latencies, and the change of CPU per request from the small size
 * to the large one (the issue asks it to stay within ± 20 %).
 */
export function agentTable(small: AgentRun, large: AgentRun): string {
  const k = (n: number) => `${(n / 1000).toLocaleString('en-US')}k`;
  const head =
    `| Scenario | CPU µs at ${k(small.tickets)} | vs baseline | p99 ms | CPU µs at ${k(large.tickets)} | vs baseline | p50 ms | p95 ms | p99 ms | req/s | ${k(large.tickets)} / ${k(small.tickets)} |`;
  const rows = large.measurements.map((m) => {
    const s = small.measurements.find((x) => x.key === m.key);
    const change = s ? `${(((m.serverCpuMicros - s.serverCpuMicros) / s.serverCpuMicros) * 100).toFixed(0)} %` : '–';
    return (
      `| ${m.name} | ${s ? int(s.serverCpuMicros) : '–'} | ${s ? ratio(s.serverCpuMicros, small.baseline.serverCpuMicros) : '–'} | ${s ? ms(s.p99) : '–'} ` +
      `| ${int(m.serverCpuMicros)} | ${ratio(m.serverCpuMicros, large.baseline.serverCpuMicros)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${int(m.requestsPerSecond)} | ${change} |`
    );
  });
  const baselines = `Baseline (bare Fastify) CPU per request: ${int(small.baseline.serverCpuMicros)} µs at ${k(small.tickets)}, ${int(large.baseline.serverCpuMicros)} µs at ${k(large.tickets)}.`;
  return [head, `|---|${'---:|'.repeat(10)}`, ...rows, '', baselines].join('\n');
}

/** The agent's targets at the large size, and the scenarios that missed them or changed more than 20 % with size. */
export function agentTargetsTable(small: AgentRun, large: AgentRun): { table: string; missed: string[] } {
  const missed: string[] = [];
  const rows = agentTargets.map((target) => {
    const runs = large.measurements.filter((m) => target.applies(m.key));
    const failing = runs.filter((m) => !target.check(m)).map((m) => m.name);
    missed.push(...failing.map((name) => `${name}: ${target.label}`));
    return `| ${target.label} | ${runs.length} | ${failing.length ? `**not met**: ${failing.join(', ')}` : 'met'} |`;
  });
  const unflat = large.measurements.filter((m) => {
    const s = small.measurements.find((x) => x.key === m.key);
    return s && Math.abs(m.serverCpuMicros / s.serverCpuMicros - 1) > 0.2;
  });
  rows.push(`| CPU per request flat from ${small.tickets.toLocaleString('en-US')} to ${large.tickets.toLocaleString('en-US')} tickets (± 20 %) | ${large.measurements.length} | ${unflat.length ? `**not met**: ${unflat.map((m) => m.name).join(', ')}` : 'met'} |`);
  missed.push(...unflat.map((m) => `${m.name}: CPU per request not flat (± 20 %)`));
  return { table: ['| Target (agent) | Scenarios | Result |', '|---|---:|---|', ...rows].join('\n'), missed };
}
