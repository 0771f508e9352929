import type { z } from 'zod';
import { builtInViews, viewFilters, type SavedView, type ViewCounts, type viewInput, type viewUpdate } from '../../../contracts/views';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { AppError, forbidden, invalidFields, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { countTickets } from '../tickets/tickets.count';

type Input = z.infer<typeof viewInput>;
type Update = z.infer<typeof viewUpdate>;
type Share = Input['share'];

/**
 * Who sees and who changes a saved view:
 * - personal: its owner alone;
 * - shared with a group: that group's members see and edit it, the system administrator too;
 * - shared with all agents: every agent sees it, only the system administrator edits it.
 * Customers have no views.
 */
export function maySee(actor: Actor, view: { owner_id: string; share: string; group_id: number | null }): boolean {
  if (!actor.staffRole) return false;
  if (view.share === 'personal') return view.owner_id === actor.id;
  if (view.share === 'group') return actor.staffRole === 'admin' || (view.group_id !== null && actor.groupIds.includes(view.group_id));
  return true;
}

export function mayEdit(actor: Actor, view: { owner_id: string; share: string; group_id: number | null }): boolean {
  if (view.share === 'all') return actor.staffRole === 'admin';
  return maySee(actor, view);
}

/** Refuses a sharing the actor may not choose, naming the field: all agents (administrator only), a group they are not in. */
async function assertMayShare(db: Db, actor: Actor, share: Share, groupId: number | null | undefined) {
  if (share === 'all' && actor.staffRole !== 'admin') throw invalidFields({ share: 'validation.viewShare' });
  if (share !== 'group') return;
  if (groupId === undefined || groupId === null) throw invalidFields({ groupId: 'validation.required' });
  const member = actor.staffRole === 'admin' ? await db.selectFrom('agent_group').select('id').where('id', '=', groupId).where('active', '=', true).executeTakeFirst() : actor.groupIds.includes(groupId);
  if (!member) throw invalidFields({ groupId: 'validation.viewGroup' });
}

/** The saved views' rows with their group's and owner's names. */
function viewRows(db: Db) {
  return db
    .selectFrom('saved_view')
    .innerJoin('person as owner', 'owner.id', 'saved_view.owner_id')
    .leftJoin('agent_group', 'agent_group.id', 'saved_view.group_id')
    .select([
      'saved_view.id',
      'saved_view.owner_id',
      'saved_view.name',
      'saved_view.share',
      'saved_view.group_id',
      'saved_view.filters',
      'saved_view.sort',
      'saved_view.sort_order',
      'saved_view.columns',
      'saved_view.revision',
      'owner.name as owner_name',
      'agent_group.name as group_name',
    ]);
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof viewRows>['executeTakeFirstOrThrow']>>;

function present(actor: Actor, row: ViewRow): SavedView {
  // A filter saved under an older schema that no longer parses shows as no filter rather than failing the list.
  const filters = viewFilters.safeParse(JSON.parse(row.filters));
  return {
    id: row.id,
    name: row.name,
    share: row.share as SavedView['share'],
    group: row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
    owner: { id: row.owner_id, name: row.owner_name },
    filters: filters.success ? filters.data : {},
    sort: row.sort as SavedView['sort'],
    order: row.sort_order as SavedView['order'],
    columns: JSON.parse(row.columns) as SavedView['columns'],
    revision: row.revision,
    editable: mayEdit(actor, row),
  };
}

/** The views the actor sees: their own, their groups' (every group's for the administrator), and those of all agents. */
export async function listViews(db: Db, actor: Actor): Promise<SavedView[]> {
  if (!actor.staffRole) throw forbidden();
  const rows = await viewRows(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('saved_view.share', '=', 'personal'), eb('saved_view.owner_id', '=', actor.id)]),
        eb('saved_view.share', '=', 'all'),
        actor.staffRole === 'admin'
          ? eb('saved_view.share', '=', 'group')
          : actor.groupIds.length
            ? eb.and([eb('saved_view.share', '=', 'group'), eb('saved_view.group_id', 'in', actor.groupIds)])
            : eb.lit(false),
      ]),
    )
    .orderBy('saved_view.name')
    .orderBy('saved_view.id')
    .execute();
  return rows.map((row) => present(actor, row));
}

/** The active groups the actor may share a view with: their own, every one for the system administrator. */
export async function shareableGroups(db: Db, actor: Actor): Promise<{ id: number; name: string }[]> {
  if (!actor.staffRole) throw forbidden();
  if (actor.staffRole !== 'admin' && !actor.groupIds.length) return [];
  return db
    .selectFrom('agent_group')
    .select(['id', 'name'])
    .where('active', '=', true)
    .$if(actor.staffRole !== 'admin', (q) => q.where('id', 'in', actor.groupIds))
    .orderBy('name')
    .execute();
}

/** A view the actor sees, else the same 404 as one that does not exist. */
async function visibleView(db: Db, actor: Actor, id: number): Promise<ViewRow> {
  if (!actor.staffRole) throw forbidden();
  const row = await viewRows(db).where('saved_view.id', '=', id).executeTakeFirst();
  if (!row || !maySee(actor, row)) throw notFound();
  return row;
}

export async function createView(db: Db, actor: Actor, input: Input): Promise<SavedView> {
  if (!actor.staffRole) throw forbidden();
  await assertMayShare(db, actor, input.share, input.groupId);
  const at = now();
  const { id } = await db
    .insertInto('saved_view')
    .values({
      owner_id: actor.id,
      name: input.name,
      share: input.share,
      group_id: input.share === 'group' ? input.groupId! : null,
      filters: JSON.stringify(input.filters),
      sort: input.sort,
      sort_order: input.order,
      columns: JSON.stringify(input.columns),
      revision: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return present(actor, await visibleView(db, actor, id));
}

/** 409 for a view changed or deleted since the revision its editor saw. */
const staleView = () => new AppError('conflict', 'views.conflict');

/** Changes a view the actor may edit, conditional on the revision they saw. */
export async function updateView(db: Db, actor: Actor, id: number, input: Update): Promise<SavedView> {
  const row = await visibleView(db, actor, id);
  if (!mayEdit(actor, row)) throw forbidden();
  const share = input.share ?? (row.share as Share);
  const groupId = share === 'group' ? (input.groupId !== undefined ? input.groupId : row.group_id) : null;
  if (input.share !== undefined || input.groupId !== undefined) await assertMayShare(db, actor, share, groupId);
  const updated = await db
    .updateTable('saved_view')
    .set((eb) => ({
      ...(input.name !== undefined ? { name: input.name } : {}),
      share,
      group_id: groupId,
      ...(input.filters !== undefined ? { filters: JSON.stringify(input.filters) } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
      ...(input.order !== undefined ? { sort_order: input.order } : {}),
      ...(input.columns !== undefined ? { columns: JSON.stringify(input.columns) } : {}),
      revision: eb('revision', '+', 1),
      updated_at: now(),
    }))
    .where('id', '=', id)
    .where('revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw staleView();
  return present(actor, await visibleView(db, actor, id));
}

/** Deletes a view the actor may edit, conditional on the revision they saw. */
export async function deleteView(db: Db, actor: Actor, id: number, revision: number): Promise<void> {
  const row = await visibleView(db, actor, id);
  if (!mayEdit(actor, row)) throw forbidden();
  const deleted = await db.deleteFrom('saved_view').where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw staleView();
}

/**
 * The sidebar's counts: each built-in view and each saved view the actor sees, each capped at
 * `countCap` (see countTickets), each a query compiled once per shape.
 */
export async function viewCounts(db: Db, actor: Actor): Promise<ViewCounts> {
  const views = await listViews(db, actor);
  const builtIn = await Promise.all(builtInViews.map(async (view) => [view, await countTickets(db, actor, { view })] as const));
  const saved = await Promise.all(views.map(async (view) => ({ id: view.id, ...(await countTickets(db, actor, view.filters)) })));
  return { builtIn: Object.fromEntries(builtIn) as ViewCounts['builtIn'], saved };
}
