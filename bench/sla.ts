/**
 * The service levels in the benchmark: clocks for the generated open tickets (computed as the
 * portal computes them, written in the bulk load), the switch that measures the opening with and
 * without SLA policies in the same run, and the cost of the SLA job with the dataset's open tickets.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { WeekHours } from '../src/contracts/calendar';
import type { Level } from '../src/contracts/criticality';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { clockTimes, pausesIn, type Pause } from '../src/server/features/sla/sla.clock';
import { holidaysOf } from '../src/server/features/sla/sla.holidays';
import { runSlaJob } from '../src/server/features/sla/sla.job';
import { matchPolicy, targetKey, type SlaMatch, type SlaPolicy, type SlaTargets } from '../src/server/features/sla/sla.setup';
import type { Measurement } from './measure';

/** The columns of a generated ticket the clocks depend on. */
type GeneratedTicket = { service_line_id: number; category_id: number; company_id: number; criticality: string; status: string; created_at: string; updated_at: string };
export type GeneratedClocks = {
  sla_due_at: string | null;
  sla_warn_at: string | null;
  sla_breached_at: string | null;
  clocks: Record<string, unknown>[];
  pause: { started_at: string; status: string } | null;
};

/**
 * A function giving each generated ticket its clocks as of now, on the seeded policies and
 * calendars: first response (new tickets) and resolution, paused from the last update while the
 * ticket waits on the customer; a due time past is breached (and noticed: the job sends nothing
 * for the bulk load). Pure arithmetic per ticket, no query.
 */
export function clocksOfGenerated(raw: SQLite.Database): (t: GeneratedTicket) => GeneratedClocks {
  const version = raw.prepare('select version from sla_setup where id = 1').pluck().get() as number;
  const channelOf = new Map((raw.prepare('select id, channel_id from service_line').all() as { id: number; channel_id: number }[]).map((l) => [l.id, l.channel_id]));
  const rows = raw.prepare('select * from sla_policy where active = 1 order by position, id').all() as { id: number; name: string; calendar_id: number; match: string; targets: string; pause_on_hold: number }[];
  const policies: SlaPolicy[] = rows.map((r) => ({ id: r.id, name: r.name, calendarId: r.calendar_id, match: JSON.parse(r.match) as SlaMatch, targets: JSON.parse(r.targets) as SlaTargets, pauseOnHold: Boolean(r.pause_on_hold) }));
  const year = new Date().getUTCFullYear();
  const calendars = new Map(
    (raw.prepare('select * from sla_calendar').all() as { id: number; time_zone: string; hours: string; holiday_country: string | null; holiday_state: string | null; holiday_city: string | null }[]).map((c) => [
      c.id,
      {
        timeZone: c.time_zone,
        hours: JSON.parse(c.hours) as WeekHours,
        holidays: new Set(
          c.holiday_country ? [-2, -1, 0, 1].flatMap((o) => holidaysOf({ country: c.holiday_country!, state: c.holiday_state, city: c.holiday_city }, year + o).map((h) => h.date)) : [],
        ),
      },
    ]),
  );
  const now = new Date();
  return (t) => {
    const none: GeneratedClocks = { sla_due_at: null, sla_warn_at: null, sla_breached_at: null, clocks: [], pause: null };
    if (t.status === 'closed') return none;
    const policy = matchPolicy(policies, { serviceLineId: t.service_line_id, channelId: channelOf.get(t.service_line_id) ?? 0, categoryId: t.category_id, companyId: t.company_id, supportTier: null, criticality: t.criticality as Level });
    const calendar = policy && calendars.get(policy.calendarId);
    if (!policy || !calendar) return none;
    const paused = pausesIn(t.status, policy.pauseOnHold);
    const pauses: Pause[] = paused ? [{ start: new Date(t.updated_at), end: null }] : [];
    const clocks: Record<string, unknown>[] = [];
    for (const target of t.status === 'new' ? (['first_response', 'resolution'] as const) : (['resolution'] as const)) {
      const minutes = policy.targets[t.criticality as Level]?.[targetKey[target]];
      if (!minutes) continue;
      const times = clockTimes(calendar, new Date(t.created_at), minutes, pauses, now);
      const due = times.dueAt.toISOString();
      const warn = times.warnAt.toISOString();
      const state = times.paused ? 'paused' : times.dueAt <= now ? 'breached' : 'running';
      clocks.push({
        target,
        cycle: 1,
        policy_id: policy.id,
        setup_version: version,
        target_minutes: minutes,
        started_at: t.created_at,
        due_at: due,
        warn_at: warn,
        state,
        breached_at: state === 'breached' ? due : null,
        paused_minutes: times.pausedMinutes,
        warned_at: times.warnAt <= now ? warn : null,
        breach_notified_at: state === 'breached' ? due : null,
      });
    }
    const earliest = (list: unknown[]) => (list as string[]).sort()[0] ?? null;
    const next = clocks.filter((c) => c.state === 'running').sort((a, b) => String(a.due_at).localeCompare(String(b.due_at)))[0];
    return {
      sla_due_at: next ? (next.due_at as string) : null,
      sla_warn_at: next ? (next.warn_at as string) : null,
      sla_breached_at: earliest(clocks.filter((c) => c.state === 'breached').map((c) => c.breached_at)),
      clocks,
      pause: paused ? { started_at: t.updated_at, status: t.status } : null,
    };
  };
}

/**
 * Turns the SLA policies off (the opening as it was before them) or on again, for the portal
 * running on the file: its processes see the setup version change at the next opening. The version
 * goes down and up again, so that the clocks of the dataset never look older than the setup (the
 * job would recompute them all).
 */
export function setSlaPolicies(file: string, on: boolean): void {
  const raw = new SQLite(file);
  try {
    raw.transaction(() => {
      raw.prepare('update sla_policy set active = ?').run(on ? 1 : 0);
      raw.prepare(`update sla_setup set version = version ${on ? '+' : '-'} 1 where id = 1`).run();
    })();
  } finally {
    raw.close();
  }
}

export type SlaJobBench = { openTickets: number; runningClocks: number; idleRunMs: number; warnings: number; warningRunMs: number; opening: string };

/**
 * The SLA job's cost on the dataset: a run with nothing due (what every process pays every 30 s;
 * the median of ten), then a run that sends `warnings` warnings, made due by moving their clocks'
 * warning time to a minute ago.
 */
export async function benchSlaJob(file: string, measurements: Measurement[], warnings = 200): Promise<SlaJobBench> {
  const db = openDatabase({ kind: 'sqlite', file });
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', DATA_DIR: path.dirname(file), LOG_LEVEL: 'silent' });
  try {
    const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
    const openTickets = await count(db.selectFrom('ticket').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '<>', 'closed').executeTakeFirstOrThrow());
    const runningClocks = await count(db.selectFrom('ticket_sla').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'running').executeTakeFirstOrThrow());
    // What fell due since the generation is handled first.
    for (let i = 0; i < 50 && (await runSlaJob({ db, config })) > 0; i++);
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await runSlaJob({ db, config });
      idle.push(performance.now() - started);
    }
    idle.sort((a, b) => a - b);
    const chosen = await db.selectFrom('ticket_sla').select(['ticket_id', 'target', 'cycle']).where('state', '=', 'running').where('warned_at', 'is', null).orderBy('warn_at').limit(warnings).execute();
    const minuteAgo = new Date(Date.now() - 60_000).toISOString();
    for (const c of chosen) await db.updateTable('ticket_sla').set({ warn_at: minuteAgo }).where('ticket_id', '=', c.ticket_id).where('target', '=', c.target).where('cycle', '=', c.cycle).execute();
    const started = performance.now();
    await runSlaJob({ db, config });
    const warningRunMs = performance.now() - started;
    return { openTickets, runningClocks, idleRunMs: idle[5]!, warnings: chosen.length, warningRunMs, opening: openingTarget(measurements) };
  } finally {
    await db.destroy();
  }
}

/** The target for the opening with SLA on: no more than 10 % below the opening without, in the same run. */
function openingTarget(measurements: Measurement[]): string {
  const without = measurements.find((m) => m.key === 'create');
  const withSla = measurements.find((m) => m.key === 'create:sla');
  if (!without || !withSla) return 'not run';
  const ratio = withSla.requestsPerSecond / without.requestsPerSecond;
  return `${Math.round(withSla.requestsPerSecond)} req/s with SLA on, ${Math.round(without.requestsPerSecond)} without: ${(ratio * 100).toFixed(0)} % (target ≥ 90 %: ${ratio >= 0.9 ? 'met' : '**not met**'})`;
}

/** The benchmark page's section on service levels. */
export function slaSection(r: SlaJobBench): string {
  return `
## Service levels

The opening with SLA policies on (the demo's "Serviço de Valor Agregado 24×7" and "Padrão": the clocks computed
and written in the opening's transaction) against the opening with the policies off, one after the other on the
same portal: ${r.opening}. "Vencendo" and "Violados" are among the agent's views above (\`view:due_soon:due\`, \`view:breached:…\`).

The SLA job (bench/sla.ts, in the benchmark's process on the same file) with ${r.openTickets.toLocaleString('en-US')} open tickets and
${r.runningClocks.toLocaleString('en-US')} running clocks: a run with nothing due takes ${r.idleRunMs.toFixed(1)} ms (median of ten; every
process runs it every 30 s); a run sending ${r.warnings} warnings (a notification and a mail each) takes ${r.warningRunMs.toFixed(0)} ms.
`;
}

export function appendSlaSection(file: string, r: SlaJobBench): void {
  fs.appendFileSync(file, slaSection(r));
}
