import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMaintenance } from './maintenance';
import { openDatabase, type Db } from './database';

const onSqlite = process.env.TEST_DB !== 'postgres';

describe.runIf(onSqlite)('the maintenance thread (SQLite)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-maintenance-'));
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

  it('leaves checkpoints to SQLite unless the connection is opened for the maintenance thread', async () => {
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
    const stop = await startMaintenance(file, { intervalMs: 20, restartAboveFrames: 200, onError: (error) => errors.push(error) });
    // About 20 MB of commits while the thread runs: 2,500 transactions of 2 pages, with the
    // write lock free now and then as a serving process leaves it between its groups.
    let largestWal = 0;
    for (let i = 1; i <= 2500; i++) {
      await db.transaction().execute((trx) => sql`insert into note (body) values (randomblob(6000))`.execute(trx));
      if (i % 10 === 0) {
        largestWal = Math.max(largestWal, walBytes());
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    // Without the thread the WAL would hold every one of those pages (≈ 20 MB).
    expect(largestWal).toBeLessThan(8 * 1024 * 1024);
    await stop();
    expect(errors).toEqual([]);
    expect(rowsOfDatabaseFileAlone()).toBe(2500);
    await db.destroy();
  });

  it('merges the segments of a full-text index that leaves merging to it', async () => {
    const db = openDatabase({ kind: 'sqlite', file });
    await sql`create virtual table note_search using fts5(body)`.execute(db);
    await sql`insert into note_search(note_search, rank) values ('automerge', 0)`.execute(db);
    // One segment per transaction, as each group of openings writes one.
    for (let i = 0; i < 60; i++) await sql`insert into note_search(body) values (${`nota ${i} sobre o boleto`})`.execute(db);
    const pages = async () => Number((await sql<{ n: number }>`select count(*) as n from note_search_data`.execute(db)).rows[0]!.n);
    const before = await pages();
    const stop = await startMaintenance(file, { intervalMs: 20 });
    await expect.poll(pages, { timeout: 5000 }).toBeLessThan(before / 2);
    await stop();
    expect((await sql<{ rowid: number }>`select rowid from note_search where note_search match 'boleto'`.execute(db)).rows).toHaveLength(60);
    await db.destroy();
  });

  it('refuses to start on a database that does not exist', async () => {
    await expect(startMaintenance(path.join(dir, 'missing.sqlite'))).rejects.toThrow(/could not start: SQLITE_CANTOPEN/);
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });
});
