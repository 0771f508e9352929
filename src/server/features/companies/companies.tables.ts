import type { Bool, Id, Timestamp } from '../../db/columns';

export interface CompanyTable {
  id: Id;
  name: string;
  /** Digits only; null for companies outside Brazil. */
  cnpj: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  active: Bool;
  /** The support contract's tier, which SLA policies may match on (features/sla). */
  support_tier: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A person's place in a company: contact, with permissions, or portal administrator. */
export interface MembershipTable {
  person_id: string;
  company_id: number;
  is_portal_admin: Bool;
  sees_all_tickets: Bool;
  may_request_consulting: Bool;
  /** A portal administrator deactivates a contact per company; their other companies are untouched. */
  active: Bool;
  created_at: Timestamp;
}

export interface CompaniesTables {
  company: CompanyTable;
  membership: MembershipTable;
}
