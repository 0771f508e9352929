import type { Kysely } from 'kysely';
import type { Period, WeekHours } from '../../contracts/calendar';
import { now } from '../db/columns';
import type { Database } from '../db/schema';
import { syncTicketClocks } from '../features/sla/sla.service';
import { bumpSlaVersion, type SlaTargets } from '../features/sla/sla.setup';

const hour = 60;
/** A business day of "Comercial São Paulo": 9 hours. */
const day = 9 * hour;
const commercialDay: Period[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const commercialHours: WeekHours = [[], commercialDay, commercialDay, commercialDay, commercialDay, commercialDay, []];
const allDay: WeekHours = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);

const targets = (first: number, resolution: number | null) => ({ firstResponse: first, nextResponse: first, resolution });
/** The default policy, in business time of Comercial São Paulo. */
const standard: SlaTargets = {
  critical: targets(hour, 4 * hour),
  high: targets(4 * hour, 2 * day),
  medium: targets(8 * hour, 5 * day),
  low: targets(2 * day, 10 * day),
  planning: targets(2 * day, null),
};
/** Cloud and datacenter: around the clock. */
const valueAdded: SlaTargets = {
  critical: targets(30, 4 * hour),
  high: targets(hour, 8 * hour),
  medium: targets(4 * hour, 24 * hour),
  low: targets(8 * hour, 72 * hour),
  planning: targets(24 * hour, null),
};

/**
 * The demo's service levels, once: the calendars "Comercial São Paulo" (national, São Paulo state
 * and city holidays) and "24×7", and the policies "Serviço de Valor Agregado 24×7" (its channel)
 * then "Padrão" (everything else). Open tickets already there get their clocks.
 */
export async function seedSlaDemo(db: Kysely<Database>): Promise<void> {
  const at = now();
  for (const c of [
    { name: 'Comercial São Paulo', hours: commercialHours, holiday_country: 'BR', holiday_state: 'SP', holiday_city: 'SP' },
    { name: '24×7', hours: allDay, holiday_country: null, holiday_state: null, holiday_city: null },
  ]) {
    await db
      .insertInto('sla_calendar')
      .values({ ...c, hours: JSON.stringify(c.hours), time_zone: 'America/Sao_Paulo', created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  if (await db.selectFrom('sla_policy').select('id').executeTakeFirst()) return;
  const calendar = async (name: string) => (await db.selectFrom('sla_calendar').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const channel = await db.selectFrom('channel').select('id').where('key', '=', 'value_added').executeTakeFirst();
  const policies = [
    ...(channel ? [{ name: 'Serviço de Valor Agregado 24×7', calendar_id: await calendar('24×7'), match: { channelIds: [channel.id] }, targets: valueAdded }] : []),
    { name: 'Padrão', calendar_id: await calendar('Comercial São Paulo'), match: {}, targets: standard },
  ];
  await db
    .insertInto('sla_policy')
    .values(
      policies.map((p, i) => ({
        name: p.name,
        position: i + 1,
        active: true,
        calendar_id: p.calendar_id,
        match: JSON.stringify(p.match),
        targets: JSON.stringify(p.targets),
        pause_on_hold: false,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await bumpSlaVersion(db);
  const open = await db.selectFrom('ticket').select('id').where('status', '<>', 'closed').limit(10_000).execute();
  for (const t of open) await syncTicketClocks(db, t.id);
}
