import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { migrateTo, migrateToLatest } from '../migrate';

const onSqlite = process.env.TEST_DB !== 'postgres';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it.runIf(onSqlite)('rebuilds the search index of a database that holds tickets, which stay found by their words', async () => {
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'atende.sqlite') });
  await migrateTo(db, '005_folded_search');
  // Only the ticket's own row matters here: the demo seed of today would not fit the schema of 005.
  await sql`pragma foreign_keys = off`.execute(db);
  const company = { id: 7 };
  const at = new Date().toISOString();
  await db
    .insertInto('ticket')
    .values({
      number: 1,
      company_id: company.id,
      requester_id: 'someone',
      opened_by_id: 'someone',
      service_line_id: 1,
      country: 'BR',
      category_id: 1,
      origin_id: 1,
      effect_id: 1,
      module_id: 1,
      routine_id: 1,
      version_id: null,
      environment_id: null,
      summary: 'Boleto rejeitado',
      incident: 'O banco devolve o arquivo de remessa.',
      criticality: 'medium',
      criticality_reason: '{}',
      status: 'new',
      revision: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();

  await sql`pragma foreign_keys = on`.execute(db);
  await migrateToLatest(db);
  const found = (q: string) => sql<{ rowid: number }>`select rowid from ticket_search where ticket_search match ${q}`.execute(db).then((r) => r.rows.length);
  expect(await found(`scope : c${company.id} AND {summary incident} : ("remessa")`)).toBe(1);
  expect(await found('{summary incident} : ("bolet"*)')).toBe(1);
  const config = await sql<{ k: string; v: number }>`select k, v from ticket_search_config`.execute(db);
  expect(config.rows).toContainEqual({ k: 'automerge', v: 0 });
  await db.destroy();
});
