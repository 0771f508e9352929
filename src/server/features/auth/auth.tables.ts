import type { Timestamp } from '../../db/columns';

/** better-auth's session, account and verification models, in snake_case. */
export interface SessionTable {
  id: string;
  token: string;
  person_id: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountTable {
  id: string;
  account_id: string;
  provider_id: string;
  person_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Failed sign-in counters, per account and per IP, shared by every process. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AuthTables {
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  login_throttle: LoginThrottleTable;
}
