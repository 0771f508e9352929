import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import { onCommitted, recordEvent, type DomainEvent } from './events';

declare module './events' {
  interface DomainEvents {
    'test.happened': { n: number };
  }
}

describe('domain events', () => {
  let db: Db;
  let drop: () => Promise<void>;
  const told: DomainEvent[][] = [];
  const failures: unknown[] = [];
  let stop: () => void;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    stop = onCommitted(db, (events) => void told.push(events), (error) => failures.push(error));
  });
  afterAll(async () => {
    stop();
    await drop();
  });

  const write = (trx: Kysely<Database>, n: number) =>
    trx.insertInto('ticket_sequence').values({ name: `test-${n}`, value: n }).execute();

  it('tells the events of a transaction once it has committed, in the order they were recorded', async () => {
    told.length = 0;
    let toldBeforeCommit = -1;
    await db.transaction().execute(async (trx) => {
      await write(trx, 1);
      recordEvent(trx, { type: 'test.happened', n: 1 });
      recordEvent(trx, { type: 'test.happened', n: 2 });
      toldBeforeCommit = told.length;
    });
    expect(toldBeforeCommit).toBe(0);
    expect(told).toEqual([[{ type: 'test.happened', n: 1 }, { type: 'test.happened', n: 2 }]]);
    // Committed: what the listeners read is there.
    expect(await db.selectFrom('ticket_sequence').select('value').where('name', '=', 'test-1').executeTakeFirst()).toEqual({ value: 1 });
  });

  it('never tells the events of a transaction that rolled back', async () => {
    told.length = 0;
    await expect(
      db.transaction().execute(async (trx) => {
        await write(trx, 2);
        recordEvent(trx, { type: 'test.happened', n: 3 });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.transaction().execute(async (trx) => recordEvent(trx, { type: 'test.happened', n: 4 }));
    expect(told).toEqual([[{ type: 'test.happened', n: 4 }]]);
  });

  it('keeps the transactions apart, also with a setting chosen, and drops an event recorded outside one', async () => {
    told.length = 0;
    recordEvent(db, { type: 'test.happened', n: 5 });
    await Promise.all([
      db.transaction().execute(async (trx) => recordEvent(trx, { type: 'test.happened', n: 6 })),
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async (trx) => recordEvent(trx, { type: 'test.happened', n: 7 })),
    ]);
    expect(told.map((events) => events.map((e) => (e as { n: number }).n)).sort()).toEqual([[6], [7]]);
  });

  it("answers the transaction's caller even when a listener fails, and reports the failure", async () => {
    failures.length = 0;
    const stopFailing = onCommitted(
      db,
      () => {
        throw new Error('listener broke');
      },
      (error) => failures.push(error),
    );
    await expect(db.transaction().execute(async (trx) => (recordEvent(trx, { type: 'test.happened', n: 8 }), 'answer'))).resolves.toBe('answer');
    stopFailing();
    expect(failures).toEqual([new Error('listener broke')]);
  });
});
