import path from 'node:path';
import type { Config } from '../config';
import { openDatabase, type Db } from './database';

/** The configured database: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Db {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'sqlite', file: path.join(config.dataDir, 'atende.sqlite') });
}
