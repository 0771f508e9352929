import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../database';
import { migrateToLatest } from '../migrate';

const onSqlite = process.env.TEST_DB !== 'postgres';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-search-merging-'));
let db: Db;
beforeAll(async () => {
  if (!onSqlite) return;
  db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'atende.sqlite') });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]!.n);

/** What the maintenance thread does each interval: merge steps until FTS5 finds nothing to merge. Returns the rows they wrote. */
async function mergeAll(): Promise<number> {
  const before = await count(sql`select total_changes() as n`);
  for (;;) {
    const step = await count(sql`select total_changes() as n`);
    await sql`insert into ticket_search(ticket_search, rank) values ('merge', 64)`.execute(db);
    if ((await count(sql`select total_changes() as n`)) - step < 2) break;
  }
  return (await count(sql`select total_changes() as n`)) - before;
}

it.runIf(onSqlite)('leaves merging to the maintenance thread, 16 segments of a level at a time', async () => {
  const config = await sql<{ k: string; v: number }>`select k, v from ticket_search_config`.execute(db);
  expect(config.rows).toEqual(expect.arrayContaining([
    { k: 'automerge', v: 0 },
    { k: 'usermerge', v: 16 },
    { k: 'crisismerge', v: 64 },
  ]));
});

it.runIf(onSqlite)('does not rewrite a full index for the words of a few dozen groups of openings', async () => {
  // A full index as a rebuild leaves it: 40,000 tickets written in 64 transactions, merged into one segment.
  const ticketWords = (first: number, last: number, company: number) =>
    sql`with recursive n(i) as (select ${first} union all select i + 1 from n where i < ${last})
      insert into ticket_search(rowid, scope, summary, incident)
      select i, 'c' || ${company} || ' g0', 'erro ' || (i * 7919 % 2003) || ' no módulo ' || (i % 97), 'rotina ' || (i * 104729 % 4001) from n`;
  for (let batch = 0; batch < 64; batch++) await ticketWords(batch * 625 + 1, (batch + 1) * 625, 1).execute(db);
  await sql`insert into ticket_search(ticket_search) values ('optimize')`.execute(db);
  // Its pages, by id: a segment written again gets a new id, and its old pages are deleted.
  const pageIds = async () => (await sql<{ id: number }>`select id from ticket_search_data where id > 10`.execute(db)).rows.map((r) => r.id);
  const fullIndex = await pageIds();
  expect(fullIndex.length).toBeGreaterThan(200);

  // 64 groups of 100 openings, one segment each, merged as they come.
  let written = 0;
  for (let group = 0; group < 64; group++) {
    await ticketWords(100_000 + group * 100, 100_000 + group * 100 + 99, 2).execute(db);
    written += await mergeAll();
  }
  // With FTS5's default of 4, about the 20th group's merge took the full index in and wrote all of it again.
  expect(await pageIds()).toEqual(expect.arrayContaining(fullIndex));
  expect(written).toBeLessThan(2 * fullIndex.length);
  const found = await sql<{ n: number }>`select count(*) as n from ticket_search where ticket_search match 'scope : c2 AND summary : erro'`.execute(db);
  expect(Number(found.rows[0]!.n)).toBe(6400);
});
