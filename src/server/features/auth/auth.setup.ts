import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { issueSetupToken, spendSetupToken } from './auth.tokens';

const setupLinkSeconds = 60 * 60;

/** True once any system administrator exists. */
export async function hasSystemAdmin(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').where('staff_role', '=', 'admin').executeTakeFirst();
  return Boolean(row);
}

/**
 * On a database without a system administrator, issues a one-time link (valid one hour)
 * to create the first one; returns the link, or undefined when setup is done.
 */
export async function issueSetupLink(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>): Promise<string | undefined> {
  if (await hasSystemAdmin(db)) return undefined;
  const token = await issueSetupToken(db, setupLinkSeconds);
  return `${config.publicUrl}/setup?token=${token}`;
}

/** Spends a setup token; false when it is unknown, used or expired, or setup is already done. */
export async function consumeSetupToken(db: Kysely<Database>, token: string): Promise<boolean> {
  if (!(await spendSetupToken(db, token))) return false;
  return !(await hasSystemAdmin(db));
}
