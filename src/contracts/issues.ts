/** Zod issues as sentences in the reader's language; needs no zod at run time, so pages without a schema load none. */
import type { z } from 'zod';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * Turns a zod issue into a sentence in the user's language. Schemas in contracts use
 * message keys ("validation.cpf"); zod's own issues are mapped by their code.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message.startsWith('validation.')) {
    const params: Record<string, number> = {};
    if ('minimum' in issue) params.min = Number(issue.minimum);
    if ('maximum' in issue) params.max = Number(issue.maximum);
    return t(issue.message, params);
  }
  // Bounds of a number are values and those of a list counts, not lengths ("limit=0" is not "at least 1 character").
  const isNumber = 'origin' in issue && (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint');
  switch (issue.code) {
    case 'too_small':
      if (isNumber) return t(issue.inclusive === false ? 'validation.numberAbove' : 'validation.numberMin', { min: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.itemsMin', { min: Number(issue.minimum), count: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? t('validation.required')
        : t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      if (isNumber) return t(issue.inclusive === false ? 'validation.numberBelow' : 'validation.numberMax', { max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.itemsMax', { max: Number(issue.maximum) });
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      // zod reports a fraction where a whole number belongs, and text that is no number, without the input.
      if (issue.expected === 'int') return t('validation.wholeNumber');
      if ((issue as { received?: unknown }).received === 'NaN') return t('validation.number');
      return issue.input === undefined || issue.input === null ? t('validation.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** Maps each issue to its field path ("emails.2") and message; the first issue of a field wins. */
export function fieldErrors(error: z.ZodError, t: Translate): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issueMessage(issue, t);
  }
  return fields;
}
