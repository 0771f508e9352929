import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed';
import { demoForm } from '../../test/catalog-ids';
import { openDatabase } from '../database';
import { migrateTo, migrateToLatest } from '../migrate';

const onSqlite = process.env.TEST_DB !== 'postgres';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it.runIf(onSqlite)('rebuilds the search index of a database that holds tickets, which stay found by their words', async () => {
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'atende.sqlite') });
  await migrateTo(db, '005_folded_search');
  await seedDemo(db);
  const form = await demoForm(db, 'RM');
  const person = await db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
  const company = await db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await db
    .insertInto('ticket')
    .values({
      number: 1,
      company_id: company.id,
      requester_id: person.id,
      opened_by_id: person.id,
      service_line_id: form.serviceLineId,
      country: 'BR',
      category_id: form.categoryId,
      origin_id: form.originId,
      effect_id: form.effectId,
      module_id: form.moduleId,
      routine_id: form.routineId,
      version_id: form.versionId,
      environment_id: form.environmentId,
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

  await migrateToLatest(db);
  const found = (q: string) => sql<{ rowid: number }>`select rowid from ticket_search where ticket_search match ${q}`.execute(db).then((r) => r.rows.length);
  expect(await found(`scope : c${company.id} AND {summary incident} : ("remessa")`)).toBe(1);
  expect(await found('{summary incident} : ("bolet"*)')).toBe(1);
  const config = await sql<{ k: string; v: number }>`select k, v from ticket_search_config`.execute(db);
  expect(config.rows).toContainEqual({ k: 'automerge', v: 0 });
  await db.destroy();
});
