import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { migrateTo, migrateToLatest } from '../migrate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it.runIf(process.env.TEST_DB !== 'postgres')('starts each existing environment with its Portuguese name as its only translation', async () => {
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'atende.sqlite') });
  await migrateTo(db, '008_search_merging');
  // Only the environment's own row matters here.
  await sql`pragma foreign_keys = off`.execute(db);
  await sql`insert into environment (service_line_id, name, position, active) values (1, 'Homologação', 0, 1)`.execute(db);
  await sql`pragma foreign_keys = on`.execute(db);
  await migrateToLatest(db);
  const row = await db.selectFrom('environment').select(['name', 'names']).executeTakeFirstOrThrow();
  expect(row.name).toBe('Homologação');
  expect(JSON.parse(row.names)).toEqual({ 'pt-BR': 'Homologação' });
  await db.destroy();
});
