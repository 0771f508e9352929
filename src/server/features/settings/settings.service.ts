import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';

/** Reads a setting, creating it with `initial()` if absent; concurrent processes agree on one value. */
export async function getOrCreateSetting(db: Db, key: string, initial: () => string): Promise<string> {
  await db
    .insertInto('setting')
    .values({ key, value: initial() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/** The secret that signs session cookies: AUTH_SECRET, else one generated at first start and kept. */
export function authSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return Promise.resolve(configured);
  return getOrCreateSetting(db, 'auth_secret', () => randomBytes(32).toString('base64url'));
}
