import path from 'node:path';
import type { Config } from '../config';
import { openDatabase, type Db, type WalCheckpoints } from './database';

/** The SQLite file of a configuration without DATABASE_URL. */
export function configuredSqliteFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'atende.sqlite');
}

/** The configured database: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, walCheckpoints?: WalCheckpoints): Db {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'sqlite', file: configuredSqliteFile(config), walCheckpoints });
}
