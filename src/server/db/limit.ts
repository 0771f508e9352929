import { sql } from 'kysely';

/**
 * A LIMIT written into the SQL text instead of bound. SQLite plans a query with the value of a
 * bound LIMIT, so it prepares such a statement again on every run: for a page of tickets that
 * was a tenth of the request's CPU. Only for whole numbers the server chose or validated.
 */
export function inlineLimit(rows: number) {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`a limit must be a whole number of rows, got ${rows}`);
  return sql.lit(rows);
}
