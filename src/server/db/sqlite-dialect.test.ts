import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, holdWriteLock } from '../test/harness';
import type { Db } from './database';

const onSqlite = process.env.TEST_DB !== 'postgres';

/** Whether `promise` is still pending after the event loop turned for `ms` (a timer that fires on time). */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return !settled;
}

describe('writes on the database handle', () => {
  let db: Db;
  let other: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    let openAnother: () => Db;
    ({ db, drop, openAnother } = await createTestDatabase());
    other = openAnother();
  });
  afterAll(async () => {
    await other.destroy();
    await drop();
  });

  const channel = (key: string, position = 1) => ({ key, names: '{}', position, active: true });
  const keys = async () => (await db.selectFrom('channel').select('key').orderBy('key').execute()).map((c) => c.key);

  it('commits what a transaction wrote and returns its value', async () => {
    const value = await db.transaction().execute(async (trx) => {
      await trx.insertInto('channel').values(channel('committed')).execute();
      return 'done';
    });
    expect(value).toBe('done');
    expect(await keys()).toContain('committed');
  });

  it('rolls back everything a transaction wrote when it fails, and the handle goes on working', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('channel').values(channel('rolled-back')).execute();
      await trx.insertInto('channel').values(channel('committed')).execute();
    });
    await expect(failing).rejects.toThrow();
    expect(await keys()).not.toContain('rolled-back');
    await db.transaction().execute((trx) => trx.insertInto('channel').values(channel('after-failure')).execute());
    await db.insertInto('channel').values(channel('autocommit')).execute();
    expect(await keys()).toEqual(expect.arrayContaining(['after-failure', 'autocommit']));
  });

  it.runIf(onSqlite)('waits for another process’s write lock on timers, leaving the connection to other queries meanwhile (SQLite)', async () => {
    const release = await holdWriteLock(other);
    const inTransaction = db.transaction().execute((trx) => trx.insertInto('channel').values(channel('transaction-after-the-lock')).execute());
    const autocommit = db.insertInto('channel').values(channel('autocommit-after-the-lock')).execute();
    const update = db.updateTable('channel').set({ position: 2 }).where('key', '=', 'committed').execute();
    // The event loop turns: the process is not asleep in SQLite's busy handler.
    expect(await pendingAfter(Promise.all([inTransaction, autocommit, update]), 50)).toBe(true);
    // A read of this process on the same connection is answered before the writes, which are not visible yet.
    expect(await keys()).not.toContain('transaction-after-the-lock');
    await release();
    await Promise.all([inTransaction, autocommit, update]);
    expect(await keys()).toEqual(expect.arrayContaining(['transaction-after-the-lock', 'autocommit-after-the-lock']));
  });
});

describe.runIf(onSqlite)('a write lock held past the busy timeout (SQLite)', () => {
  let db: Db;
  let other: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    let openAnother: () => Db;
    ({ db, drop, openAnother } = await createTestDatabase('sqlite', { busyTimeoutMs: 200 }));
    other = openAnother();
  });
  afterAll(async () => {
    await other.destroy();
    await drop();
  });

  it('fails a transaction and an autocommit write with SQLITE_BUSY once the timeout has passed, running nothing', async () => {
    const release = await holdWriteLock(other);
    let ran = false;
    const started = performance.now();
    const transaction = db.transaction().execute(async () => {
      ran = true;
    });
    const autocommit = db.insertInto('channel').values({ key: 'never', names: '{}', position: 1, active: true }).execute();
    // Both awaited at once: whichever fails first must already have its handler.
    await Promise.all([expect(transaction).rejects.toMatchObject({ code: 'SQLITE_BUSY' }), expect(autocommit).rejects.toMatchObject({ code: 'SQLITE_BUSY' })]);
    // It waited for the timeout, not less.
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await release();
    expect(ran).toBe(false);
    expect(await db.selectFrom('channel').select('key').execute()).toEqual([]);
    // Once the lock is free, both kinds of write go through.
    await db.transaction().execute((trx) => trx.insertInto('channel').values({ key: 'later', names: '{}', position: 1, active: true }).execute());
    await db.updateTable('channel').set({ position: 2 }).execute();
    expect(await db.selectFrom('channel').select(['key', 'position']).execute()).toEqual([{ key: 'later', position: 2 }]);
  });
});
