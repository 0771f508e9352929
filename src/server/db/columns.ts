import type { ColumnType, Generated, SqlBool } from 'kysely';

/** A timestamp: ISO text on SQLite, timestamptz (read as Date) on PostgreSQL. */
export type Timestamp = ColumnType<Date | string, Date | string, Date | string>;
/** A boolean: 0/1 on SQLite, boolean on PostgreSQL; write booleans, read with Boolean(). */
export type Bool = ColumnType<SqlBool, boolean | undefined, boolean>;
export type Id = Generated<number>;

/** Normalizes a timestamp read from either engine to an ISO string. */
export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** The current time as both engines store it. */
export function now(): string {
  return new Date().toISOString();
}
