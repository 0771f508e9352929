import type { ErrorCode } from '../../contracts/errors';

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  invalid_token: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

export type FieldMessage = string | { key: string; params: Record<string, string | number> };

/** The one error type: a code, its HTTP status, a message key and optional per-field message keys. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly options: {
      params?: Record<string, string | number>;
      /** Field path → message key (with its parameters when it has any). */
      fields?: Record<string, FieldMessage>;
      headers?: Record<string, string>;
      /** Extra members of the error body, e.g. what changed under a stale edit. */
      details?: Record<string, unknown>;
      /** Marks a refusal worth a warning in the log (see plugins/errors.ts), and what to log with it; never a secret. */
      securityEvent?: { event?: string } & Record<string, unknown>;
    } = {},
  ) {
    super(messageKey);
    this.status = statusOf[code];
  }
}

/** Unreadable and non-existent look the same from outside. */
export const notFound = () => new AppError('not_found', 'errors.notFound');
/** The same 404 for something that exists but is not the caller's to see: only the log tells them apart. */
export const foreignObject = () => new AppError('not_found', 'errors.notFound', { securityEvent: { event: 'foreign_object' } });
export const forbidden = () => new AppError('forbidden', 'errors.forbidden');
export const unauthorized = () => new AppError('unauthorized', 'errors.unauthorized');
/** A validation error on one or more fields, each with a message key. */
export const invalidFields = (fields: Record<string, FieldMessage>) =>
  new AppError('validation', 'errors.validation', { fields });
