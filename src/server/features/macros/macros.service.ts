import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { unknownVariables, type MacroShare, type MacroView, type macroInput, type macroUpdate } from '../../../contracts/macros';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import type { Database } from '../../db/schema';
import { AppError, forbidden, invalidFields, notFound, type FieldMessage } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { macrosVisibleTo, mayEditMacro, maySeeMacro } from './macros.policy';

type Input = z.infer<typeof macroInput>;
type Update = z.infer<typeof macroUpdate>;
type Actions = Input['actions'];

/** The macros' rows with their owner's and groups' names. */
export function macroRows(db: Db) {
  return db
    .selectFrom('macro')
    .innerJoin('person as owner', 'owner.id', 'macro.owner_id')
    .leftJoin('agent_group as shared', 'shared.id', 'macro.group_id')
    .leftJoin('agent_group as target', 'target.id', 'macro.set_group_id')
    .select([
      'macro.id',
      'macro.owner_id',
      'macro.name',
      'macro.body',
      'macro.set_status',
      'macro.add_tags',
      'macro.set_group_id',
      'macro.share',
      'macro.group_id',
      'macro.usage_count',
      'macro.revision',
      'owner.name as owner_name',
      'shared.name as group_name',
      'target.name as set_group_name',
    ]);
}
export type MacroRow = Awaited<ReturnType<ReturnType<typeof macroRows>['executeTakeFirstOrThrow']>>;

/** A macro's actions as read. */
export function actionsOf(row: MacroRow): MacroView['actions'] {
  return {
    status: row.set_status as MacroView['actions']['status'],
    tags: JSON.parse(row.add_tags) as string[],
    group: row.set_group_id !== null && row.set_group_name !== null ? { id: row.set_group_id, name: row.set_group_name } : null,
  };
}

function present(actor: Actor, row: MacroRow): MacroView {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    actions: actionsOf(row),
    share: row.share as MacroShare,
    group: row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
    owner: { id: row.owner_id, name: row.owner_name },
    usageCount: Number(row.usage_count),
    revision: row.revision,
    editable: mayEditMacro(actor, row),
  };
}

/** The macros the actor may apply, the most used first (the picker's order), then by name. */
export async function listMacros(db: Db, actor: Actor): Promise<MacroView[]> {
  if (!actor.staffRole) throw forbidden();
  const rows = await macroRows(db).where(macrosVisibleTo(actor)).orderBy('macro.usage_count', 'desc').orderBy('macro.name').orderBy('macro.id').limit(inlineLimit(1000)).execute();
  return rows.map((row) => present(actor, row));
}

/** A macro the actor sees, else the same 404 as one that does not exist. */
export async function visibleMacro(db: Db, actor: Actor, id: number): Promise<MacroRow> {
  if (!actor.staffRole) throw forbidden();
  const row = await macroRows(db).where('macro.id', '=', id).executeTakeFirst();
  if (!row || !maySeeMacro(actor, row)) throw notFound();
  return row;
}

/**
 * Refuses what a macro may not say or do, naming the field: an unknown variable (named), nothing
 * at all, a group to transfer to that is not active, a sharing the actor may not choose.
 */
async function assertValid(db: Db, actor: Actor, macro: { body: string; actions: Actions; share: MacroShare; groupId?: number | null }) {
  const fields: Record<string, FieldMessage> = {};
  const unknown = unknownVariables(macro.body);
  if (unknown.length) fields.body = { key: 'macros.unknownVariable', params: { names: unknown.map((name) => `{{${name}}}`).join(', '), count: unknown.length } };
  else if (!macro.body.trim() && !macro.actions.status && !macro.actions.tags?.length && !macro.actions.groupId) fields.body = 'macros.doesNothing';
  if (macro.actions.groupId) {
    const group = await db.selectFrom('agent_group').select('id').where('id', '=', macro.actions.groupId).where('active', '=', true).executeTakeFirst();
    if (!group) fields['actions.groupId'] = 'validation.notInList';
  }
  if (macro.share === 'all' && actor.staffRole !== 'admin') fields.share = 'macros.shareAll';
  if (macro.share === 'group') {
    if (macro.groupId === undefined || macro.groupId === null) fields.groupId = 'validation.required';
    else {
      const member =
        actor.staffRole === 'admin'
          ? await db.selectFrom('agent_group').select('id').where('id', '=', macro.groupId).where('active', '=', true).executeTakeFirst()
          : actor.groupIds.includes(macro.groupId);
      if (!member) fields.groupId = 'validation.viewGroup';
    }
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
}

const actionColumns = (actions: Actions) => ({
  set_status: actions.status ?? null,
  add_tags: JSON.stringify([...new Set(actions.tags ?? [])]),
  set_group_id: actions.groupId ?? null,
});

export async function createMacro(db: Db, actor: Actor, input: Input): Promise<MacroView> {
  if (!actor.staffRole) throw forbidden();
  await assertValid(db, actor, input);
  const at = now();
  const { id } = await db
    .insertInto('macro')
    .values({
      owner_id: actor.id,
      name: input.name,
      body: input.body,
      ...actionColumns(input.actions),
      share: input.share,
      group_id: input.share === 'group' ? input.groupId! : null,
      usage_count: 0,
      revision: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return present(actor, await visibleMacro(db, actor, id));
}

/** 409 for a macro changed or deleted since the revision its editor saw. */
const staleMacro = () => new AppError('conflict', 'macros.conflict');

/** Changes a macro the actor may edit, conditional on the revision they saw. */
export async function updateMacro(db: Db, actor: Actor, id: number, input: Update): Promise<MacroView> {
  const row = await visibleMacro(db, actor, id);
  if (!mayEditMacro(actor, row)) throw forbidden();
  const current = actionsOf(row);
  const next = {
    body: input.body ?? row.body,
    actions: input.actions ?? { status: current.status, tags: current.tags, groupId: current.group?.id ?? null },
    share: input.share ?? (row.share as MacroShare),
    groupId: input.groupId !== undefined ? input.groupId : row.group_id,
  };
  await assertValid(db, actor, next);
  const updated = await db
    .updateTable('macro')
    .set((eb) => ({
      ...(input.name !== undefined ? { name: input.name } : {}),
      body: next.body,
      ...actionColumns(next.actions),
      share: next.share,
      group_id: next.share === 'group' ? next.groupId : null,
      revision: eb('revision', '+', 1),
      updated_at: now(),
    }))
    .where('id', '=', id)
    .where('revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw staleMacro();
  return present(actor, await visibleMacro(db, actor, id));
}

/** Deletes a macro the actor may edit, conditional on the revision they saw. */
export async function deleteMacro(db: Db, actor: Actor, id: number, revision: number): Promise<void> {
  const row = await visibleMacro(db, actor, id);
  if (!mayEditMacro(actor, row)) throw forbidden();
  const deleted = await db.deleteFrom('macro').where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw staleMacro();
}

/** Counts one use of a macro: an increment in the database, exact when several apply it at once. */
export async function countUse(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('macro').set((eb) => ({ usage_count: eb('usage_count', '+', 1) })).where('id', '=', id).execute();
}
