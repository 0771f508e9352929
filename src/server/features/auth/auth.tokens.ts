import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';

/** A secret for a mailed link: 256 random bits, in base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How a token is kept: its SHA-256 in base64url without padding. It is exactly better-auth's
 * hashing of a verification identifier (`verification.storeIdentifier: 'hashed'`, see
 * better-auth/dist/db/verification-token-storage.mjs), so better-auth finds the reset-kind rows
 * this code writes, and consumes them, as it does its own.
 */
export function hashToken(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The link tokens kept in `verification`, by better-auth's identifier prefixes. */
type Kind = 'reset-password' | 'setup';

async function storeToken(db: Kysely<Database>, kind: Kind, value: string, seconds: number): Promise<string> {
  const token = newToken();
  const at = now();
  await db
    .insertInto('verification')
    .values({ id: randomUUID(), identifier: hashToken(`${kind}:${token}`), value, expires_at: new Date(Date.now() + seconds * 1000).toISOString(), created_at: at, updated_at: at })
    .execute();
  return token;
}

/**
 * A single-use token to set a person's password, of better-auth's reset kind (its resetPassword
 * consumes it), valid `seconds`. Every link issued to the person before stops working: a reset
 * row's value is the person's id, and no other kind of row holds one.
 */
export async function issuePasswordToken(db: Kysely<Database>, personId: string, seconds: number): Promise<string> {
  await voidPasswordTokens(db, personId);
  return storeToken(db, 'reset-password', personId, seconds);
}

/** Voids every unused reset or invitation link of a person. */
export async function voidPasswordTokens(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('verification').where('value', '=', personId).execute();
}

/** The person a live reset or invitation token would set the password of, without spending it. */
export async function passwordTokenOwner(db: Kysely<Database>, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('verification')
    .select('value')
    .where('identifier', '=', hashToken(`reset-password:${token}`))
    .where('expires_at', '>', now())
    .executeTakeFirst();
  return row?.value;
}

/** The one-time token of the first-run setup link. */
export function issueSetupToken(db: Kysely<Database>, seconds: number): Promise<string> {
  return storeToken(db, 'setup', 'first-admin', seconds);
}

/** Spends a setup token; false when it is unknown, used or expired. */
export async function spendSetupToken(db: Kysely<Database>, token: string): Promise<boolean> {
  const deleted = await db.deleteFrom('verification').where('identifier', '=', hashToken(`setup:${token}`)).where('expires_at', '>', now()).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
