import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { catalogEntryInput, catalogEntryView, catalogKinds, catalogKindSpecs, catalogOrderInput, matrixInput, type CatalogEntryView, type CatalogKind } from '../../../contracts/admin';
import { defaultMatrix, grades, type Grade, type Level, type Matrix } from '../../../contracts/criticality';
import { errorBody } from '../../../contracts/errors';
import type { Database } from '../../db/schema';
import { invalidFields, notFound } from '../../lib/errors';
import { requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import { loadMatrix } from './catalog.form';
import { rowIdParam } from '../../../contracts/ids';

type Entry = z.infer<typeof catalogEntryInput>;
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Each kind's table is named after it, and a child's row names its parent by `<parent kind>_id`. */
const parentColumn = (kind: CatalogKind) => {
  const parent = catalogKindSpecs[kind].parent;
  return parent && { column: `${parent}_id`, kind: parent };
};

// The editor works on nine tables of one shape; a loosely typed handle keeps it one code path.
type AnyTable = Kysely<Record<string, Record<string, unknown>>>;

const parsed = (json: unknown) => JSON.parse(String(json)) as Record<string, string>;

function present(kind: CatalogKind, row: Record<string, unknown>): CatalogEntryView {
  const spec = catalogKindSpecs[kind];
  const parent = parentColumn(kind);
  const names = spec.localized ? parsed(row.names) : null;
  return {
    id: Number(row.id),
    parentId: parent ? Number(row[parent.column]) : null,
    name: names ? (names['pt-BR'] ?? '') : String(row.name),
    names,
    code: spec.code ? String(row[spec.code]) : null,
    urgency: kind === 'effect' ? (row.urgency as Grade) : null,
    help: spec.help ? parsed(row.help) : null,
    capLevel: kind === 'category' ? ((row.cap_level as Level | null) ?? null) : null,
    needsConsultingRight: kind === 'category' ? Boolean(row.needs_consulting_right) : null,
    impact: kind === 'origin' ? (row.impact as Grade) : null,
    position: Number(row.position),
    active: Boolean(row.active),
  };
}

/** The texts given, without the empty ones: the form falls back to Portuguese for those. */
const nonEmpty = (texts: Record<string, string | undefined>) => Object.fromEntries(Object.entries(texts).filter(([, text]) => text));

/** The columns an entry writes, checked for its kind; `creating` requires what a new row needs. */
async function columnsFor(db: AnyTable, kind: CatalogKind, input: Entry, creating: boolean) {
  const spec = catalogKindSpecs[kind];
  const parent = parentColumn(kind);
  const fields: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (spec.localized) {
    if (input.names) values.names = JSON.stringify(nonEmpty(input.names));
    else if (creating) fields['names.pt-BR'] = 'validation.required';
    if (spec.portugueseName && input.names) values.name = input.names['pt-BR'];
  } else if (input.name !== undefined) values.name = input.name;
  else if (creating) fields.name = 'validation.required';
  if (spec.code) {
    if (input[spec.code] !== undefined) values[spec.code] = input[spec.code];
    else if (creating) fields[spec.code] = 'validation.required';
  }
  if (spec.help) {
    if (input.help) values.help = JSON.stringify(nonEmpty(input.help));
    else if (creating) values.help = '{}';
  }
  if (kind === 'effect') {
    if (input.urgency) values.urgency = input.urgency;
    else if (creating) fields.urgency = 'validation.required';
  }
  if (kind === 'category') {
    if (input.capLevel !== undefined) values.cap_level = input.capLevel;
    if (input.needsConsultingRight !== undefined) values.needs_consulting_right = input.needsConsultingRight;
    else if (creating) values.needs_consulting_right = false;
  }
  if (kind === 'origin') {
    if (input.impact) values.impact = input.impact;
    else if (creating) fields.impact = 'validation.required';
  }
  if (parent && creating) {
    const found = input.parentId ? await db.selectFrom(parent.kind).select('id').where('id', '=', input.parentId).executeTakeFirst() : undefined;
    if (!found) fields.parentId = 'validation.notInList';
    values[parent.column] = input.parentId;
  }
  if (input.position !== undefined) values.position = input.position;
  else if (creating) values.position = 1000;
  if (input.active !== undefined) values.active = input.active;
  else if (creating) values.active = true;
  if (Object.keys(fields).length) throw invalidFields(fields);
  return values;
}

/**
 * The catalog editor: channels, service lines, modules → routines, versions, environments, effects
 * and their urgencies, the ticket form's categories (cap, Consultoria right) and origins (impact)
 * with their help, order. Nothing is deleted: a ticket may use it, so it is deactivated instead.
 * The ticket form and each opening read these tables fresh, so an edit applies to the next one.
 */
export async function catalogAdminRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const anyDb = db as unknown as AnyTable;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kindParam = z.enum(catalogKinds);

  r.get(
    '/api/admin/catalog',
    { schema: { tags: ['admin'], summary: 'The whole catalog, inactive entries included', response: { 200: z.record(kindParam, z.array(catalogEntryView)), ...errors } } },
    async (request) => {
      requireSystemAdmin(request);
      const entries = await Promise.all(
        catalogKinds.map(async (kind) => [kind, (await anyDb.selectFrom(kind).selectAll().orderBy('position').orderBy('id').execute()).map((row) => present(kind, row))] as const),
      );
      return Object.fromEntries(entries) as Record<CatalogKind, CatalogEntryView[]>;
    },
  );

  r.post(
    '/api/admin/catalog/:kind',
    { schema: { tags: ['admin'], summary: 'Add a catalog entry', params: z.object({ kind: kindParam }), body: catalogEntryInput, response: { 201: catalogEntryView, ...errors } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const { kind } = request.params;
      const values = await columnsFor(anyDb, kind, request.body, true);
      const row = await (db as unknown as Kysely<Database>).transaction().execute(async (trx) => {
        const table = trx as unknown as AnyTable;
        const created = await table.insertInto(kind).values(values).returningAll().executeTakeFirstOrThrow();
        // The log names the parent ("Pertence a: RM Labore"), not its id.
        const { parentId, ...entry } = request.body;
        const parent = parentColumn(kind);
        const parentRow = parent && parentId ? await table.selectFrom(parent.kind).selectAll().where('id', '=', parentId).executeTakeFirst() : undefined;
        const after = parentRow && parent ? { parent: present(parent.kind, parentRow).name, ...entry } : request.body;
        await audit(trx, { actorId: actor.id, action: `catalog.${kind}.created`, targetType: kind, targetId: String(created.id), after });
        return created;
      }).catch((error: unknown) => uniqueToField(error, kind));
      return reply.status(201).send(present(kind, row));
    },
  );

  r.patch(
    '/api/admin/catalog/:kind/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Rename, reorder, (de)activate a catalog entry, or change its help, urgency, impact or cap',
        params: z.object({ kind: kindParam, id: rowIdParam }),
        body: catalogEntryInput,
        response: { 200: catalogEntryView, ...errors },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const { kind, id } = request.params;
      const before = await anyDb.selectFrom(kind).selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound();
      const values = await columnsFor(anyDb, kind, request.body, false);
      const row = await db.transaction().execute(async (trx) => {
        const updated = Object.keys(values).length
          ? await (trx as unknown as AnyTable).updateTable(kind).set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
          : before;
        await audit(trx, { actorId: actor.id, action: `catalog.${kind}.updated`, targetType: kind, targetId: String(id), before: present(kind, before), after: request.body });
        return updated;
      }).catch((error: unknown) => uniqueToField(error, kind));
      return present(kind, row);
    },
  );

  r.put(
    '/api/admin/catalog/:kind/order',
    {
      schema: {
        tags: ['admin'],
        summary: 'Reorder a list of siblings (a line\'s modules, a module\'s routines…) at once',
        params: z.object({ kind: kindParam }),
        body: catalogOrderInput,
        response: { 200: z.array(catalogEntryView), ...errors },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const { kind } = request.params;
      const { ids } = request.body;
      const parent = parentColumn(kind)?.column;
      // Read and written in one transaction that holds the siblings: a reorder running at the same
      // time waits and then reads this one's positions (SQLite: one writer at a time; PostgreSQL:
      // the siblings' rows are locked). A sibling created meanwhile is only kept out on SQLite.
      const rows = await db.transaction().execute(async (trx) => {
        const table = trx as unknown as AnyTable;
        const first = await table.selectFrom(kind).selectAll().where('id', '=', ids[0]!).executeTakeFirst();
        // The siblings of the first entry, in their current order: the list must be exactly them.
        const siblings = first
          ? await table
              .selectFrom(kind)
              .selectAll()
              .$if(parent !== undefined, (q) => q.where(parent!, '=', first[parent!] as number))
              .orderBy('position')
              .orderBy('id')
              .$if(db.dialectName === 'postgres', (q) => q.forUpdate())
              .execute()
          : [];
        const current = siblings.map((row) => Number(row.id));
        if (new Set(ids).size !== ids.length || ids.length !== current.length || !ids.every((id) => current.includes(id))) {
          throw invalidFields({ ids: 'validation.orderOfSiblings' });
        }
        const byId = new Map(siblings.map((row) => [Number(row.id), row]));
        const nameOf = (id: number) => present(kind, byId.get(id)!).name;
        for (const [index, id] of ids.entries()) {
          const position = (index + 1) * 10;
          if (byId.get(id)!.position !== position) await table.updateTable(kind).set({ position }).where('id', '=', id).execute();
        }
        // The log names the first entry whose place changed, and the list before and after.
        const moved = ids.find((id, index) => current[index] !== id) ?? ids[0]!;
        await audit(trx, { actorId: actor.id, action: 'catalog.reordered', targetType: kind, targetId: String(moved), before: { order: current.map(nameOf) }, after: { order: ids.map(nameOf) } });
        return table.selectFrom(kind).selectAll().where('id', 'in', ids).orderBy('position').execute();
      });
      return rows.map((row) => present(kind, row));
    },
  );

  r.get(
    '/api/admin/criticality',
    { schema: { tags: ['admin'], summary: 'The criticality matrix (impact → urgency → level)', response: { 200: matrixInput, ...errors } } },
    async (request) => {
      requireSystemAdmin(request);
      return { matrix: await loadMatrix(db) };
    },
  );

  r.put(
    '/api/admin/criticality',
    { schema: { tags: ['admin'], summary: 'Replace the criticality matrix', body: matrixInput, response: { 200: matrixInput, ...errors } } },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const fields: Record<string, string> = {};
      for (const impact of grades) for (const urgency of grades) if (!request.body.matrix[impact]?.[urgency]) fields[`matrix.${impact}.${urgency}`] = 'validation.required';
      if (Object.keys(fields).length) throw invalidFields(fields);
      const matrix = request.body.matrix as Matrix;
      const before = await loadMatrix(db);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('criticality_cell').execute();
        await trx
          .insertInto('criticality_cell')
          .values(grades.flatMap((impact) => grades.map((urgency) => ({ impact, urgency, level: matrix[impact][urgency] ?? defaultMatrix[impact][urgency] }))))
          .execute();
        await audit(trx, { actorId: actor.id, action: 'criticality.updated', targetType: 'criticality_matrix', targetId: 'default', before, after: matrix });
      });
      return { matrix };
    },
  );
}

/** A duplicate code, key or name becomes an error on that field instead of a 500. */
function uniqueToField(error: unknown, kind: CatalogKind): never {
  const message = error instanceof Error ? error.message : '';
  if (!/unique|duplicate key/i.test(message)) throw error;
  // SQLite names "table.column"; PostgreSQL names the constraint "table_column_key". A name typed
  // per language is unique by its Portuguese one.
  const name = catalogKindSpecs[kind].localized ? 'names.pt-BR' : 'name';
  const field = /[._]code\b|_code_key/.test(message) ? 'code' : /\.key\b|_key_key/.test(message) ? 'key' : name;
  throw invalidFields({ [field]: field === 'key' ? 'validation.duplicateKey' : 'validation.duplicate' });
}
