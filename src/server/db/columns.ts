import type { ColumnType, Generated, SqlBool } from 'kysely';

/** A timestamp: ISO text on SQLite, timestamptz (read as Date) on PostgreSQL. */
export type Timestamp = ColumnType<Date | string, Date | string, Date | string>;
/** A boolean: 0/1 on SQLite, boolean on PostgreSQL; write booleans, read with Boolean(). */
export type Bool = ColumnType<SqlBool, boolean | undefined, boolean>;
export type Id = Generated<number>;

const canonical = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Normalizes a timestamp read from either engine to an ISO string (what `now()` wrote is one already). */
export function iso(value: Date | string): string {
  if (typeof value === 'string' && canonical.test(value)) return value;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** The current time as both engines store it. */
export function now(): string {
  return new Date().toISOString();
}
