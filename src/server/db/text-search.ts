import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DialectName } from './dialect';

/** Text as a search compares it: accents and case folded ("São João" → "sao joao"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * `column` contains `text`, accents and case aside, on either engine: SQLite through the `fold`
 * function every connection registers (database.ts), PostgreSQL through `unaccent` (migration 005).
 */
export function containsFolded(dialect: DialectName, column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${fold(text).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return dialect === 'sqlite'
    ? sql<SqlBool>`fold(${sql.ref(column)}) like ${pattern} escape '\\'`
    : sql<SqlBool>`lower(public.unaccent(${sql.ref(column)})) like ${pattern} escape '\\'`;
}
