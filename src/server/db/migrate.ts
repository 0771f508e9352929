import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database';
import { foundation } from './migrations/001_foundation';
import { tickets } from './migrations/002_tickets';
import { conversation } from './migrations/003_conversation';
import { administration } from './migrations/004_administration';
import { foldedSearch } from './migrations/005_folded_search';
import { searchIndex } from './migrations/006_search_index';
import { listIndexes } from './migrations/007_list_indexes';
import { searchMerging } from './migrations/008_search_merging';
import { environmentNames } from './migrations/009_environment_names';
import { hashedTokens } from './migrations/010_hashed_tokens';
import { mailFailures } from './migrations/011_mail_failures';
import { requestLimits } from './migrations/012_request_limits';
import { views } from './migrations/013_views';
import { ticketActions } from './migrations/014_ticket_actions';
import { assignmentNotifications } from './migrations/015_assignment_notifications';
import { serviceLevels } from './migrations/016_service_levels';
import { macros } from './migrations/017_macros';
import { dialectOf, type DialectMigration } from './migrations/types';

/** Every migration, in order; names never change once released. */
const migrations: Record<string, DialectMigration> = {
  '001_foundation': foundation,
  '002_tickets': tickets,
  '003_conversation': conversation,
  '004_administration': administration,
  '005_folded_search': foldedSearch,
  '006_search_index': searchIndex,
  '007_list_indexes': listIndexes,
  '008_search_merging': searchMerging,
  '009_environment_names': environmentNames,
  '010_hashed_tokens': hashedTokens,
  '011_mail_failures': mailFailures,
  '012_request_limits': requestLimits,
  '013_views': views,
  '014_ticket_actions': ticketActions,
  '015_assignment_notifications': assignmentNotifications,
  '016_service_levels': serviceLevels,
  '017_macros': macros,
};

/** Brings the database to the latest schema; safe to run from several processes at once. */
export async function migrateToLatest(db: Db): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Brings the database to the schema of the named migration (tests of a migration's data step). */
export async function migrateTo(db: Db, name: keyof typeof migrations): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Db, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const dialect = dialectOf(db.dialectName);
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) out[name] = { up: (kdb) => m.up(kdb, dialect) };
      return out;
    },
  };
  const { error } = await run(new Migrator({ db, provider, migrationTableSchema: db.pgSchema, allowUnorderedMigrations: true }));
  if (error) throw error;
}
