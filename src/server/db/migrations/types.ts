import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/** Column types that differ between the two engines. */
export type Dialect = {
  name: DialectName;
  timestamp: ColumnDataType;
  bool: ColumnDataType;
  /** An auto-incrementing integer primary key named id. */
  addId: <T extends string>(t: CreateTableBuilder<T, never>) => CreateTableBuilder<T, 'id'>;
};

export function dialectOf(name: DialectName): Dialect {
  return {
    name,
    timestamp: name === 'postgres' ? 'timestamptz' : 'text',
    bool: name === 'postgres' ? 'boolean' : 'integer',
    addId: (t) =>
      name === 'postgres'
        ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
        : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export type DialectMigration = {
  up: (db: AnyDb, d: Dialect) => Promise<void>;
};
