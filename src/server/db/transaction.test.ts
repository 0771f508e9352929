import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Db } from './database';
import { writeTransaction } from './transaction';

const onSqlite = process.env.TEST_DB !== 'postgres';

describe('writeTransaction', () => {
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
  const busyTimeout = async () => (await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)).rows[0]!.timeout;
  /** Holds the write lock on another connection, as another process would, while `during` runs. */
  const whileAnotherWrites = (during: () => Promise<void>) =>
    other.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        await during();
      } finally {
        await sql`commit`.execute(conn);
      }
    });

  it('commits what the body wrote and returns its value', async () => {
    const value = await writeTransaction(db, async (trx) => {
      await trx.insertInto('channel').values(channel('committed')).execute();
      return 'done';
    });
    expect(value).toBe('done');
    expect(await keys()).toContain('committed');
  });

  it('rolls back everything the body wrote when it fails', async () => {
    const failing = writeTransaction(db, async (trx) => {
      await trx.insertInto('channel').values(channel('rolled-back')).execute();
      await trx.insertInto('channel').values(channel('committed')).execute();
    });
    await expect(failing).rejects.toThrow();
    expect(await keys()).not.toContain('rolled-back');
    // The connection is usable afterwards, outside any transaction.
    await writeTransaction(db, (trx) => trx.insertInto('channel').values(channel('after-failure')).execute());
    expect(await keys()).toContain('after-failure');
  });

  it.runIf(onSqlite)('waits for another process’s write lock on timers, leaving the connection to other queries meanwhile (SQLite)', async () => {
    let writing: Promise<void> | undefined;
    await whileAnotherWrites(async () => {
      writing = writeTransaction(db, async (trx) => {
        await trx.insertInto('channel').values(channel('after-the-lock')).execute();
      });
      const started = performance.now();
      // A timer fires on time: the event loop is not asleep in SQLite's busy handler.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(performance.now() - started).toBeLessThan(500);
      // A read of this process is answered at once, not after the write.
      const reading = performance.now();
      expect(await keys()).not.toContain('after-the-lock');
      expect(performance.now() - reading).toBeLessThan(100);
    });
    await writing;
    expect(await keys()).toContain('after-the-lock');
  });

  it.runIf(onSqlite)('gives up with SQLITE_BUSY once the busy timeout has passed, and leaves the busy timeout as it was (SQLite)', async () => {
    await sql`pragma busy_timeout = 200`.execute(db);
    try {
      let ran = false;
      await whileAnotherWrites(async () => {
        const started = performance.now();
        const refused = writeTransaction(db, async () => {
          ran = true;
        });
        await expect(refused).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
        expect(performance.now() - started).toBeGreaterThanOrEqual(190);
        expect(performance.now() - started).toBeLessThan(1000);
      });
      expect(ran).toBe(false);
      expect(await busyTimeout()).toBe(200);
      // The body runs with the connection's own busy timeout, not the 0 that `begin` was tried with.
      expect(await writeTransaction(db, async (trx) => (await sql<{ timeout: number }>`pragma busy_timeout`.execute(trx)).rows[0]!.timeout)).toBe(200);
    } finally {
      await sql`pragma busy_timeout = 5000`.execute(db);
    }
  });
});
