import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { openDatabase, type Db } from './database';

const onSqlite = process.env.TEST_DB !== 'postgres';

describe.runIf(onSqlite)('the WAL checkpointer (SQLite)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-checkpointer-'));
    file = path.join(dir, 'test.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const autocheckpoint = async (db: Db) => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint;
  const walBytes = () => fs.statSync(`${file}-wal`).size;
  /** The rows that the database file holds by itself, without its WAL. */
  const rowsOfDatabaseFileAlone = () => {
    const copy = path.join(dir, 'alone.sqlite');
    fs.copyFileSync(file, copy);
    const alone = new SQLite(copy);
    const { n } = alone.prepare<[], { n: number }>('select count(*) as n from note').get()!;
    alone.close();
    return n;
  };

  it('leaves checkpoints to SQLite unless the connection is opened for a background checkpointer', async () => {
    const automatic = openDatabase({ kind: 'sqlite', file });
    const background = openDatabase({ kind: 'sqlite', file, walCheckpoints: 'background' });
    expect(await autocheckpoint(automatic)).toBe(1000);
    expect(await autocheckpoint(background)).toBe(0);
    await Promise.all([automatic.destroy(), background.destroy()]);
  });

  it('keeps the WAL bounded under sustained writes and leaves every commit in the database file when stopped', async () => {
    const db = openDatabase({ kind: 'sqlite', file, walCheckpoints: 'background' });
    await sql`create table note (id integer primary key, body blob not null)`.execute(db);
    const errors: Error[] = [];
    const stop = await startCheckpointer(file, { intervalMs: 20, restartAboveFrames: 200, onError: (error) => errors.push(error) });
    // About 20 MB of commits while the checkpointer runs: 2,500 transactions of 2 pages, with the
    // write lock free now and then as a serving process leaves it between its groups.
    let largestWal = 0;
    for (let i = 1; i <= 2500; i++) {
      await db.transaction().execute((trx) => sql`insert into note (body) values (randomblob(6000))`.execute(trx));
      if (i % 10 === 0) {
        largestWal = Math.max(largestWal, walBytes());
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    // Without the checkpointer the WAL would hold every one of those pages (≈ 20 MB).
    expect(largestWal).toBeLessThan(8 * 1024 * 1024);
    await stop();
    expect(errors).toEqual([]);
    expect(rowsOfDatabaseFileAlone()).toBe(2500);
    await db.destroy();
  });

  it('refuses to start on a database that does not exist', async () => {
    await expect(startCheckpointer(path.join(dir, 'missing.sqlite'))).rejects.toThrow(/could not start: SQLITE_CANTOPEN/);
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });
});
