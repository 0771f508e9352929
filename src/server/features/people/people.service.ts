import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from 'better-auth/crypto';
import type { Language } from '../../../contracts/i18n';
import type { StaffRole } from '../../../contracts/auth';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';

export type NewPerson = {
  name: string;
  email: string;
  phone?: string | null;
  cpf?: string | null;
  language?: Language;
  staffRole?: StaffRole | null;
};

/** Creates a person without a password; returns the id. */
export async function createPerson(db: Kysely<Database>, input: NewPerson): Promise<string> {
  const id = randomUUID();
  const at = now();
  await db
    .insertInto('person')
    .values({
      id,
      name: input.name.trim(),
      email: input.email.trim().toLowerCase(),
      email_verified: false,
      image: null,
      phone: input.phone ?? null,
      cpf: input.cpf ?? null,
      language: input.language ?? 'pt-BR',
      active: true,
      staff_role: input.staffRole ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Sets the password of a person through better-auth's hashing (scrypt), as its credential account. */
export async function setPersonPassword(db: Kysely<Database>, personId: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  const at = now();
  const updated = await db
    .updateTable('account')
    .set({ password: hash, updated_at: at })
    .where('person_id', '=', personId)
    .where('provider_id', '=', 'credential')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('account')
    .values({
      id: randomUUID(),
      account_id: personId,
      provider_id: 'credential',
      person_id: personId,
      password: hash,
      access_token: null,
      refresh_token: null,
      id_token: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      scope: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Ends every session of a person at once (password change, deactivation). */
export async function endSessions(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('session').where('person_id', '=', personId).execute();
}

/** Deactivates a person: sign-in refused and every session ended, in one transaction. */
export async function deactivatePerson(db: Kysely<Database>, personId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('person').set({ active: false, updated_at: now() }).where('id', '=', personId).execute();
    await endSessions(trx, personId);
  });
}
