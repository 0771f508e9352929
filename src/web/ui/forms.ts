import type { z } from 'zod';
import { fieldErrors } from '../../contracts/issues';
import { ApiError } from '../api/client';
import type { Translate } from '../app/useTranslate';

/** Validates with a shared zod schema; the messages come back in the interface language, by field path. */
export function check<S extends z.ZodType>(schema: S, values: unknown, t: Translate): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { data: parsed.data, errors: null } : { data: null, errors: fieldErrors(parsed.error, t) };
}

/** The server's field messages of a failed request, or one sentence when none is about a field. */
export function serverErrors(error: unknown, fallback: string): { fields: Record<string, string>; alert: string | null } {
  if (error instanceof ApiError) {
    return Object.keys(error.fields).length ? { fields: error.fields, alert: null } : { fields: {}, alert: error.message };
  }
  return { fields: {}, alert: error ? fallback : null };
}

/** One sentence for a failed request shown outside a form (a toast, a dialog). */
export function errorText(error: unknown, fallback: string): string | null {
  if (!error) return null;
  const { fields, alert } = serverErrors(error, fallback);
  return alert ?? (Object.values(fields).join(' ') || fallback);
}
