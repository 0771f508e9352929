import { errorBody } from '../../contracts/errors';
import { currentLanguage, i18n } from '../app/i18n';

/** A failed API call: the server's error body, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    // Errors come back already translated, in the language the interface speaks.
    'accept-language': currentLanguage(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const parsed = errorBody.safeParse(data);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields);
    }
    // Not our server's answer (a proxy, a crash page): say so in the person's language.
    throw new ApiError(response.status, 'internal', i18n.t('errors.internal'));
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The JSON API of the Atende server, same origin, with the session cookie. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
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
