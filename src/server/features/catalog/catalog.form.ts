import type { Grade, Level, Matrix } from '../../../contracts/criticality';
import { defaultMatrix } from '../../../contracts/criticality';
import type { Db } from '../../db/database';

/** Everything the ticket form of one service line offers, active entries only, in order. */
export async function loadServiceLineForm(db: Db, serviceLineId: number) {
  const line = await db
    .selectFrom('service_line')
    .innerJoin('channel', 'channel.id', 'service_line.channel_id')
    .select(['service_line.id', 'service_line.code', 'service_line.name', 'channel.key as channel_key', 'channel.names as channel_names'])
    .where('service_line.id', '=', serviceLineId)
    .where('service_line.active', '=', true)
    .executeTakeFirst();
  if (!line) return undefined;
  const items = (table: 'module' | 'version' | 'environment') =>
    db.selectFrom(table).select(['id', 'name']).where('service_line_id', '=', serviceLineId).where('active', '=', true).orderBy('position').execute();
  const [modules, versions, environments, routines, categories, origins, effects, matrix] = await Promise.all([
    items('module'),
    items('version'),
    items('environment'),
    db
      .selectFrom('routine')
      .innerJoin('module', 'module.id', 'routine.module_id')
      .select(['routine.id', 'routine.name', 'routine.module_id'])
      .where('module.service_line_id', '=', serviceLineId)
      .where('routine.active', '=', true)
      .orderBy('routine.position')
      .execute(),
    db.selectFrom('category').select(['id', 'key', 'names', 'help', 'cap_level', 'needs_consulting_right']).where('active', '=', true).orderBy('position').execute(),
    db.selectFrom('origin').select(['id', 'key', 'names', 'help', 'impact']).where('active', '=', true).orderBy('position').execute(),
    db.selectFrom('effect').select(['id', 'names', 'urgency']).where('active', '=', true).orderBy('position').execute(),
    loadMatrix(db),
  ]);
  return {
    line,
    modules: modules.map((m) => ({ ...m, routines: routines.filter((r) => r.module_id === m.id).map(({ id, name }) => ({ id, name })) })),
    versions,
    environments,
    categories,
    origins,
    effects,
    matrix,
  };
}

/** The criticality matrix as the system administrator set it (the default fills any gap). */
export async function loadMatrix(db: Db): Promise<Matrix> {
  const cells = await db.selectFrom('criticality_cell').select(['impact', 'urgency', 'level']).execute();
  const matrix: Matrix = structuredClone(defaultMatrix);
  for (const c of cells) matrix[c.impact as Grade][c.urgency as Grade] = c.level as Level;
  return matrix;
}

/** Whether a company is entitled to a service line. */
export async function isEntitled(db: Db, companyId: number, serviceLineId: number): Promise<boolean> {
  const row = await db
    .selectFrom('entitlement')
    .select('company_id')
    .where('company_id', '=', companyId)
    .where('service_line_id', '=', serviceLineId)
    .executeTakeFirst();
  return Boolean(row);
}
