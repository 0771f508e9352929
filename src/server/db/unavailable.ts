import { isSqliteBusy } from './sqlite-dialect';

/** Node's codes of a connection that could not be made or was lost. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a PostgreSQL that is going away or not there yet: 57P01 admin_shutdown (a restart
 * or pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up), 53300
 * too_many_connections, and class 08 (connection exceptions).
 */
const isUnavailableState = (code: string) => code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || code.startsWith('08');

/** pg's and Kysely's words for a connection that ended or never came (they carry no code). */
const lostConnection = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Postgres connection has been discarded)/;

/**
 * Whether an error means the database cannot be reached right now rather than that the request
 * was wrong: PostgreSQL refusing, dropping or not accepting connections, or SQLite's write lock
 * held by another process past the busy timeout. The error handler answers these 503 with
 * Retry-After; the request may be tried again as it is.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (isSqliteBusy(error)) return true;
  if (typeof code === 'string' && (socketCodes.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableState(code)))) return true;
  if (typeof message === 'string' && lostConnection.test(message)) return true;
  // Node reports a refused connection to each address of a name as an AggregateError.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
