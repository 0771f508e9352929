import type { Bool, Timestamp } from '../../db/columns';

/** A person; also better-auth's "user" model (see auth.config.ts for the field mapping). */
export interface PersonTable {
  id: string;
  name: string;
  /** Stored lower-cased, which makes the unique index case-insensitive. */
  email: string;
  email_verified: Bool;
  image: string | null;
  phone: string | null;
  cpf: string | null;
  language: string;
  active: Bool;
  /** Vendor staff: 'admin' (system administrator) or 'agent'; null for customers. */
  staff_role: string | null;
  /** A new address waiting for its owner to confirm it; the old one stays until then. */
  pending_email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTables {
  person: PersonTable;
}
