import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Db } from './database';
import { preparedQuery } from './prepared';

describe('preparedQuery', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    await db
      .insertInto('channel')
      .values([
        { key: 'alpha', names: '{}', position: 1, active: true },
        { key: 'beta', names: '{}', position: 2, active: false },
      ])
      .execute();
  });
  afterAll(() => drop());

  it('binds each call’s arguments into the query compiled once, keeping its constants', async () => {
    const byKey = preparedQuery(db, 2, (key: string, position: number) =>
      db.selectFrom('channel').select(['key', 'position']).where('key', '=', key).where('position', '>=', position).where('active', '=', true),
    );
    expect(await byKey('alpha', 1)).toEqual([{ key: 'alpha', position: 1 }]);
    expect(await byKey('alpha', 2)).toEqual([]);
    // "beta" exists but is inactive: the constant `true` is still bound.
    expect(await byKey('beta', 0)).toEqual([]);
  });

  it('refuses a build that does not pass an argument into the query as a value', () => {
    expect(() => preparedQuery(db, 1, (_key: string) => db.selectFrom('channel').select('key'))).toThrow(/argument 0/);
  });
});
