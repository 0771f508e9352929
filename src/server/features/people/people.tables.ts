import type { Bool, Id, Timestamp } from '../../db/columns';

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

/**
 * A change of a person's e-mail asked by someone (people.email.ts): the new address confirms it,
 * the old one may undo it for 7 days. Tokens are kept as SHA-256 hashes, null once spent or void.
 */
export interface EmailChangeTable {
  /** In the order asked: an undo voids the changes asked after it. */
  id: Id;
  person_id: string;
  /** The company whose log records the steps; null for staff. */
  company_id: number | null;
  old_email: string;
  new_email: string;
  requested_by: string | null;
  /** 'pending' (waits for the new address), 'confirmed', 'undone' or 'cancelled'. */
  status: string;
  confirm_token: string | null;
  confirm_expires_at: Timestamp;
  undo_token: string | null;
  undo_expires_at: Timestamp;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
}

/**
 * A company's invitation to a person who already has an account (people.invitations.ts): they
 * become a member only by accepting. The company sees only what it typed, as for a new contact.
 */
export interface CompanyInvitationTable {
  /** Shown to the company as the contact's id. */
  id: string;
  company_id: number;
  person_id: string;
  email: string;
  name: string;
  phone: string | null;
  cpf: string | null;
  language: string;
  is_portal_admin: Bool;
  sees_all_tickets: Bool;
  may_request_consulting: Bool;
  /** The company withdraws an invitation by deactivating it, as it deactivates a contact. */
  active: Bool;
  /** 'pending', 'accepted' or 'declined'; a declined one still looks pending to the company. */
  status: string;
  invited_by: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface PeopleTables {
  person: PersonTable;
  email_change: EmailChangeTable;
  company_invitation: CompanyInvitationTable;
}
