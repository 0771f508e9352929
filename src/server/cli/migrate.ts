import { loadConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openConfiguredDatabase } from '../db/open';

/** `npm run migrate`: brings the configured database to the latest schema. */
const config = loadConfig();
const db = openConfiguredDatabase(config);
await migrateToLatest(db);
await db.destroy();
process.stdout.write('Database is up to date.\n');
