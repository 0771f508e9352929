import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { createTestDatabase } from '../../test/harness';
import { bumpSlaVersion, loadSlaSetup, matchPolicy, slaVersion, type SlaPolicy, type TicketFacts } from './sla.setup';

const policy = (id: number, match: SlaPolicy['match']): SlaPolicy => ({ id, name: `p${id}`, calendarId: 1, match, targets: {}, pauseOnHold: false });
const facts: TicketFacts = { serviceLineId: 3, channelId: 1, categoryId: 2, companyId: 9, supportTier: 'gold', criticality: 'high' };

describe('policy matching', () => {
  it('takes the first policy, in order, whose every rule fits; an empty rule fits anything', () => {
    const policies = [
      policy(1, { serviceLineIds: [4] }),
      policy(2, { channelIds: [1], criticalities: ['critical'] }),
      policy(3, { supportTiers: ['gold'], categoryIds: [2, 5] }),
      policy(4, {}),
    ];
    expect(matchPolicy(policies, facts)?.id).toBe(3);
    expect(matchPolicy(policies, { ...facts, supportTier: null })?.id).toBe(4);
    expect(matchPolicy(policies, { ...facts, serviceLineId: 4 })?.id).toBe(1);
    expect(matchPolicy(policies, { ...facts, criticality: 'critical' })?.id).toBe(2);
    expect(matchPolicy([policy(5, { companyIds: [1] })], facts)).toBeUndefined();
    expect(matchPolicy([policy(5, { companyIds: [9], serviceLineIds: [] })], facts)?.id).toBe(5);
  });
});

describe('the setup version', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await createTestDatabase()));
  afterAll(() => drop());

  it('is bumped inside the caller’s transaction, and the setup is read again after it', async () => {
    const before = await slaVersion(db);
    const first = await loadSlaSetup(db);
    expect(await loadSlaSetup(db)).toBe(first);
    await db
      .transaction()
      .execute(async (trx) => {
        await bumpSlaVersion(trx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await slaVersion(db)).toBe(before);
    const at = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('sla_calendar')
        .values({ name: 'Comercial', hours: JSON.stringify([[], [{ start: '08:00', end: '18:00' }], [], [], [], [], []]), holiday_state: 'SP', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('sla_calendar_holiday').values({ calendar_id: id, date: '2026-03-10', name: 'Aniversário' }).execute();
      await trx.insertInto('sla_policy').values({ name: 'Padrão', position: 1, active: true, calendar_id: id, pause_on_hold: true, created_at: at, updated_at: at }).execute();
      expect(await bumpSlaVersion(trx)).toBe(before + 1);
    });
    const setup = await loadSlaSetup(db);
    expect(setup).not.toBe(first);
    expect(setup.version).toBe(before + 1);
    expect(setup.policies).toEqual([{ id: expect.any(Number), name: 'Padrão', calendarId: expect.any(Number), match: {}, targets: {}, pauseOnHold: true }]);
    const { calendar } = [...setup.calendars.values()][0]!;
    expect(calendar.timeZone).toBe('America/Sao_Paulo');
    const year = new Date().getUTCFullYear();
    // The calendar's own day, and the public ones of this year and the next (state SP: 9 July).
    for (const date of ['2026-03-10', `${year}-01-01`, `${year}-07-09`, `${year + 1}-09-07`]) expect(calendar.holidays.has(date)).toBe(true);
  });
});
