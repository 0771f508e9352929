import { maxRowId } from '../../contracts/ids';
import { currentLanguage } from './i18n';

/** A date and time in the interface language, e.g. 03/05/2025 14:07 (pt-BR) or 5/3/25, 2:07 PM (en). */
export function formatDateTime(iso: string, language: string = currentLanguage()): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** A positive whole number from a route parameter, or undefined for anything else. */
export function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && n <= maxRowId ? n : undefined;
}
