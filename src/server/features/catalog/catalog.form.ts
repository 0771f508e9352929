import type { Grade, Level, Matrix } from '../../../contracts/criticality';
import { defaultMatrix } from '../../../contracts/criticality';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database';
import { preparedQuery } from '../../db/prepared';
import type { Database } from '../../db/schema';

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
  const items = (table: 'module' | 'version') =>
    db.selectFrom(table).select(['id', 'name']).where('service_line_id', '=', serviceLineId).where('active', '=', true).orderBy('position').execute();
  const [modules, versions, environments, routines, categories, origins, effects, matrix] = await Promise.all([
    items('module'),
    items('version'),
    db.selectFrom('environment').select(['id', 'names']).where('service_line_id', '=', serviceLineId).where('active', '=', true).orderBy('position').execute(),
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

/** What a ticket form's choices are, as one opening needs them. */
export type TicketChoices = {
  /** Set when the service line exists and is active. */
  lineName: string | null;
  entitled: boolean;
  category: { names: string; capLevel: string | null; needsConsultingRight: boolean } | null;
  origin: { names: string; impact: string } | null;
  effect: { names: string; urgency: string } | null;
  moduleOk: boolean;
  /** The module of the chosen routine, when it is active. */
  routineModuleId: number | null;
  usesVersions: boolean;
  versionOk: boolean;
  usesEnvironments: boolean;
  environmentOk: boolean;
  /** The matrix's level for the origin's impact and the effect's urgency, when the administrator set that cell. */
  matrixLevel: string | null;
  /** The active group that serves the service line (the lowest id), if any. */
  groupId: number | null;
};

type ChoicesRow = {
  line_name: string | null;
  entitled: unknown;
  category_names: string | null;
  cap_level: string | null;
  needs_consulting_right: unknown;
  origin_names: string | null;
  impact: string | null;
  effect_names: string | null;
  urgency: string | null;
  module_id: number | null;
  routine_module_id: number | null;
  uses_versions: unknown;
  version_id: number | null;
  uses_environments: unknown;
  environment_id: number | null;
  matrix_level: string | null;
  group_id: number | null;
};

type ChoiceIds = [
  serviceLineId: number,
  companyId: number | null,
  categoryId: number,
  originId: number,
  effectId: number,
  moduleId: number,
  routineId: number,
  versionId: number | null,
  environmentId: number | null,
];

/** The choices query of each database handle, compiled once. */
const choicesQueries = new WeakMap<Kysely<Database>, (...ids: ChoiceIds) => Promise<ChoicesRow[]>>();

function choicesQuery(db: Kysely<Database>) {
  let query = choicesQueries.get(db);
  if (!query) {
    query = preparedQuery(db, 9, (line, company, category, origin, effect, module, routine, version, environment) => ({
      compile: () =>
        sql<ChoicesRow>`select
          l.name as line_name,
          (select 1 from entitlement where company_id = ${company} and service_line_id = ${line}) as entitled,
          cat.names as category_names, cat.cap_level, cat.needs_consulting_right,
          ori.names as origin_names, ori.impact,
          eff.names as effect_names, eff.urgency,
          mo.id as module_id,
          ro.module_id as routine_module_id,
          exists (select 1 from version where service_line_id = ${line} and active = true) as uses_versions,
          ve.id as version_id,
          exists (select 1 from environment where service_line_id = ${line} and active = true) as uses_environments,
          en.id as environment_id,
          cell.level as matrix_level,
          (select gsl.group_id from group_service_line gsl inner join agent_group g on g.id = gsl.group_id
            where gsl.service_line_id = ${line} and g.active = true order by gsl.group_id limit 1) as group_id
        from (select 1 as one) as one
        left join service_line l on l.id = ${line} and l.active = true
        left join category cat on cat.id = ${category} and cat.active = true
        left join origin ori on ori.id = ${origin} and ori.active = true
        left join effect eff on eff.id = ${effect} and eff.active = true
        left join module mo on mo.id = ${module} and mo.service_line_id = ${line} and mo.active = true
        left join routine ro on ro.id = ${routine} and ro.active = true
        left join version ve on ve.id = ${version} and ve.service_line_id = ${line} and ve.active = true
        left join environment en on en.id = ${environment} and en.service_line_id = ${line} and en.active = true
        left join criticality_cell cell on cell.impact = ori.impact and cell.urgency = eff.urgency`.compile(db),
    }));
    choicesQueries.set(db, query);
  }
  return query;
}

/**
 * Every catalog fact an opening checks, in one statement (compiled once per database handle):
 * each choice is looked up by its primary key (active only, and within the service line where it
 * belongs), the entitlement by its key, the matrix cell by its key and the group by
 * `group_service_line`'s key. Read fresh on every opening, so an administrator's change applies
 * to the very next one.
 */
export async function loadTicketChoices(
  db: Kysely<Database>,
  c: {
    serviceLineId: number;
    /** The company the ticket is for; null when it is not known (no entitlement then). */
    companyId: number | null;
    categoryId: number;
    originId: number;
    effectId: number;
    moduleId: number;
    routineId: number;
    versionId: number | null;
    environmentId: number | null;
  },
): Promise<TicketChoices> {
  const rows = await choicesQuery(db)(c.serviceLineId, c.companyId, c.categoryId, c.originId, c.effectId, c.moduleId, c.routineId, c.versionId, c.environmentId);
  const r = rows[0]!;
  return {
    lineName: r.line_name,
    entitled: r.entitled != null,
    category: r.category_names === null ? null : { names: r.category_names, capLevel: r.cap_level, needsConsultingRight: Boolean(r.needs_consulting_right) },
    origin: r.origin_names === null ? null : { names: r.origin_names, impact: r.impact! },
    effect: r.effect_names === null ? null : { names: r.effect_names, urgency: r.urgency! },
    moduleOk: r.module_id !== null,
    routineModuleId: r.routine_module_id,
    usesVersions: Boolean(r.uses_versions),
    versionOk: r.version_id !== null,
    usesEnvironments: Boolean(r.uses_environments),
    environmentOk: r.environment_id !== null,
    matrixLevel: r.matrix_level,
    groupId: r.group_id,
  };
}
