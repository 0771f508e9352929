import type { ErrorBody } from '../../contracts/errors';
import { currentLanguage, i18n } from '../app/i18n';

/** A failed API call: the server's error body, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** The whole `error` object of the answer, with what some errors add (a 409's `changed`). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

/** One change someone else made since the revision the caller saw (a 409's `changed`). */
export type ChangeSeen = { field: string; from: string | null; to: string | null; by: string; at: string };

/** A 409: the record's state forbids the move, or (with `changed`) the caller's revision was stale. */
export class ConflictError extends ApiError {
  readonly revision: number | undefined;
  readonly changed: ChangeSeen[];

  constructor(message: string, details: Record<string, unknown>, revision: number | undefined, changed: ChangeSeen[]) {
    super(409, 'conflict', message, {}, details);
    this.name = 'ConflictError';
    this.revision = revision;
    this.changed = changed;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Errors come back already translated, in the language the interface speaks. */
function headers(json: boolean): Record<string, string> {
  return { accept: 'application/json', 'accept-language': currentLanguage(), ...(json ? { 'content-type': 'application/json' } : {}) };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The `error` of our server's error body (contracts/errors.ts `errorBody`), if the answer is one. Checked by
 * hand rather than with the zod schema: every page uses this client, and most pages need no zod at all.
 */
function errorOf(data: unknown): ErrorBody['error'] | undefined {
  const error = (data as { error?: unknown } | null | undefined)?.error as Record<string, unknown> | undefined;
  if (typeof error !== 'object' || error === null || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  const fields = error.fields;
  const isFieldMap = (value: unknown): value is Record<string, string> =>
    typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
  if (fields !== undefined && !isFieldMap(fields)) return undefined;
  return error as ErrorBody['error'];
}

/** The error a failed answer stands for; a 409 in the conflict shape as a ConflictError. */
function failureOf(status: number, data: unknown): ApiError {
  const error = errorOf(data);
  if (!error) {
    // Not our server's answer (a proxy, a crash page): say so in the person's language.
    return new ApiError(status, 'internal', i18n.t('errors.internal'));
  }
  const details = error as Record<string, unknown>;
  if (status === 409 && error.code === 'conflict') {
    const revision = typeof details.revision === 'number' ? details.revision : undefined;
    const changed = Array.isArray(details.changed) ? (details.changed as ChangeSeen[]) : [];
    return new ConflictError(error.message, details, revision, changed);
  }
  return new ApiError(status, error.code, error.message, error.fields, details);
}

const networkError = () => new ApiError(0, 'network', i18n.t('errors.network'));

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body !== undefined),
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  const data = parseJson(await response.text());
  if (!response.ok) throw failureOf(response.status, data);
  return data as T;
}

/** How much of a request body has gone out. */
export type UploadProgress = { loaded: number; total: number };

/** An upload under way: `abort` cancels it (`done` then fails with code 'aborted'). */
export type Upload<T> = { abort: () => void; done: Promise<T> };

/**
 * Sends a body whose progress a page shows: a file (FormData) or a large JSON document.
 * XMLHttpRequest rather than fetch, because only it reports how much of a request body has been
 * sent. Errors are the same as the other calls', so formErrors(), conflicts and the 401 handling apply.
 */
function upload<T>(method: 'POST' | 'PUT', path: string, body: FormData | Record<string, unknown>, onProgress: (progress: UploadProgress) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open(method, path);
    for (const [name, value] of Object.entries(headers(!(body instanceof FormData)))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failureOf(xhr.status, data));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'aborted'));
    xhr.send(body instanceof FormData ? body : JSON.stringify(body));
  });
  return { abort: () => xhr.abort(), done };
}

/**
 * The API of the Atende server, same origin, with the session cookie: JSON calls, and `upload`
 * for a body whose progress is shown. Every failure is an ApiError (a ConflictError for a 409).
 */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  upload,
};

/** True when the error says the person is not signed in. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Splits an error for a form: messages of the form's own fields go under their inputs,
 * anything else becomes one sentence for an alert.
 */
export function formErrors<Name extends string>(
  error: unknown,
  names: readonly Name[],
): { fields: Partial<Record<Name, string>>; alert: string | null } {
  if (!error) return { fields: {}, alert: null };
  if (!(error instanceof ApiError)) return { fields: {}, alert: i18n.t('errors.internal') };
  const fields: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const message = error.fields[name];
    if (message) fields[name] = message;
  }
  return { fields, alert: Object.keys(fields).length ? null : error.message };
}
