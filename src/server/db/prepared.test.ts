import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Db } from './database';
import { sql } from 'kysely';
import { preparedQuery, queryByShape } from './prepared';

// Channels alpha (1), beta (2, inactive) and gamma (3).
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  await db
    .insertInto('channel')
    .values(['alpha', 'beta', 'gamma'].map((key, i) => ({ key, names: '{}', position: i + 1, active: key !== 'beta' })))
    .execute();
});
afterAll(() => drop());

describe('preparedQuery', () => {

  it('binds each call’s arguments into the query compiled once, keeping its constants', async () => {
    const byKey = preparedQuery(db, 2, (key: string, position: number) =>
      db.selectFrom('channel').select(['key', 'position']).where('key', '=', key).where('position', '>=', position).where('active', '=', true),
    );
    expect(await byKey('alpha', 1)).toEqual([{ key: 'alpha', position: 1 }]);
    expect(await byKey('alpha', 2)).toEqual([]);
    // "beta" exists but is inactive: the constant `true` is still bound.
    expect(await byKey('beta', 0)).toEqual([]);
  });

  it.runIf(process.env.TEST_DB !== 'postgres')('reads on SQLite without waiting for a write in progress, and never sees it before its commit', async () => {
    const keys = preparedQuery(db, 1, (position: number) => db.selectFrom('channel').select('key').where('position', '>=', position).orderBy('position'));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    // A transaction that holds the database's connection between two of its statements, as a group of openings does.
    const writing = db.transaction().execute(async (trx) => {
      await trx.insertInto('channel').values({ key: 'delta', names: '{}', position: 4, active: true }).execute();
      inserted();
      await held;
    });
    await written;
    const during = await Promise.race([keys(1), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 1000))]);
    expect(during).toEqual([{ key: 'alpha' }, { key: 'beta' }, { key: 'gamma' }]);
    release();
    await writing;
    expect(await keys(4)).toEqual([{ key: 'delta' }]);
    await db.deleteFrom('channel').where('key', '=', 'delta').execute();
  });

  it('refuses a build that does not pass an argument into the query as a value', () => {
    expect(() => preparedQuery(db, 1, (_key: string) => db.selectFrom('channel').select('key'))).toThrow(/"0" is not a parameter/);
  });

  it('refuses a build that puts a placeholder inside another value', () => {
    expect(() => preparedQuery(db, 1, (key: string) => db.selectFrom('channel').select('key').where('key', '=', `${key}%`))).toThrow(/inside a value/);
  });
});

describe('queryByShape', () => {

  type Shape = { keys: number; activeOnly: boolean };
  const builds: Shape[] = [];
  const channels = () =>
    queryByShape<Shape, { key: string }>(db, (shape, value) => {
      builds.push(shape);
      return db
        .selectFrom('channel')
        .select('key')
        .where('key', 'in', Array.from({ length: shape.keys }, (_, i) => value<string>(`key${i}`)))
        .$if(shape.activeOnly, (q) => q.where('active', '=', true))
        .orderBy('key')
        .limit(value<number>('limit'));
    });

  it('compiles once per shape and binds each run\'s values', async () => {
    const run = channels();
    builds.length = 0;
    const keys = (rows: { key: string }[]) => rows.map((r) => r.key);
    expect(keys(await run({ keys: 2, activeOnly: true }, { key0: 'alpha', key1: 'beta', limit: 10 }))).toEqual(['alpha']);
    expect(keys(await run({ keys: 2, activeOnly: true }, { key0: 'gamma', key1: 'alpha', limit: 1 }))).toEqual(['alpha']);
    expect(keys(await run({ keys: 2, activeOnly: false }, { key0: 'alpha', key1: 'beta', limit: 10 }))).toEqual(['alpha', 'beta']);
    expect(keys(await run({ keys: 3, activeOnly: false }, { key0: 'alpha', key1: 'beta', key2: 'gamma', limit: 10 }))).toEqual(['alpha', 'beta', 'gamma']);
    expect(builds).toEqual([
      { keys: 2, activeOnly: true },
      { keys: 2, activeOnly: false },
      { keys: 3, activeOnly: false },
    ]);
  });

  it('refuses a run that lacks a value of its shape', async () => {
    await expect(channels()({ keys: 1, activeOnly: false }, { key0: 'alpha' })).rejects.toThrow(/no value for "limit"/);
  });

  it('refuses a build that writes a placeholder into the SQL text', () => {
    const run = queryByShape<object, unknown>(db, (_shape, value) => db.selectFrom('channel').select(sql.lit(value<string>('key')).as('key')));
    return expect(run({}, { key: 'alpha' })).rejects.toThrow(/into the SQL text/);
  });
});
