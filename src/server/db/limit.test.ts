import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Db } from './database';
import { inlineLimit } from './limit';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  await db
    .insertInto('channel')
    .values(['alpha', 'beta', 'gamma'].map((key, i) => ({ key, names: '{}', position: i + 1, active: true })))
    .execute();
});
afterAll(() => drop());

describe('inlineLimit', () => {
  it('writes the limit into the SQL text, not among the bound values', async () => {
    const query = db.selectFrom('channel').select('key').where('active', '=', true).orderBy('position').limit(inlineLimit(2));
    const compiled = query.compile();
    expect(compiled.sql).toMatch(/ limit 2$/);
    expect(compiled.parameters).toEqual([true]);
    expect((await query.execute()).map((r) => r.key)).toEqual(['alpha', 'beta']);
  });

  it('takes only whole numbers of rows', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => inlineLimit(bad)).toThrow(/whole number/);
    expect(() => inlineLimit(0)).not.toThrow();
  });
});
