import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * Environments get a name per language, as categories, origins and effects have: "Produção" is
 * "Production" to an English reader. `name` stays the Portuguese one (unique within the line);
 * the names of existing environments start as that alone, and other languages fall back to it
 * until the system administrator translates them.
 */
export const environmentNames: DialectMigration = {
  async up(db, d) {
    await db.schema.alterTable('environment').addColumn('names', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    const portuguese = d.name === 'postgres' ? sql`json_build_object('pt-BR', name)::text` : sql`json_object('pt-BR', name)`;
    await db.updateTable('environment').set({ names: portuguese }).execute();
  },
};
