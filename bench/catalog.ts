import type SQLite from 'better-sqlite3';
import { computeCriticality, type Grade, type Level } from '../src/contracts/criticality';
import { localized } from '../src/contracts/i18n';

/** A service line with everything a valid ticket on it needs. */
export type LineChoices = {
  id: number;
  code: string;
  modules: { id: number; name: string; routines: { id: number; name: string }[] }[];
  versionIds: number[];
  environmentIds: number[];
};

/** The criticality the server would compute for one category × origin × effect. */
export type Classification = {
  categoryId: number;
  originId: number;
  effectId: number;
  level: Level;
  reason: string;
};

export type Catalog = {
  lines: LineChoices[];
  /** Weighted like real traffic: mostly questions and bugs, rarely customizations. */
  classifications: Classification[];
  groupIdByLine: Map<number, number>;
};

/** How often each category is chosen, by key; keys not listed get 1. */
const categoryWeights: Record<string, number> = { service: 12, nonconformity: 6, consulting: 2, improvement: 1, customization: 1 };

/** Reads the seeded catalog (demo lines, categories, origins, effects) through the raw connection. */
export function readCatalog(raw: SQLite.Database): Catalog {
  const lines = raw.prepare('select id, code from service_line where active = 1 order by id').all() as { id: number; code: string }[];
  const modulesOf = raw.prepare('select id, name from module where service_line_id = ? and active = 1 order by position');
  const routinesOf = raw.prepare('select id, name from routine where module_id = ? and active = 1 order by position');
  const idsOf = (table: 'version' | 'environment') => raw.prepare(`select id from ${table} where service_line_id = ? and active = 1`).pluck();

  const lineChoices = lines.map((line) => ({
    ...line,
    modules: (modulesOf.all(line.id) as { id: number; name: string }[]).map((m) => ({
      ...m,
      routines: routinesOf.all(m.id) as { id: number; name: string }[],
    })),
    versionIds: idsOf('version').all(line.id) as number[],
    environmentIds: idsOf('environment').all(line.id) as number[],
  }));

  // The group serving each line, as the service assigns new tickets.
  const groupIdByLine = new Map<number, number>();
  const servesLines = raw.prepare("select 1 from sqlite_master where type = 'table' and name = 'group_service_line'").get() !== undefined;
  for (const line of lines) {
    const group = servesLines
      ? raw.prepare('select min(group_id) from group_service_line where service_line_id = ?').pluck().get(line.id)
      : raw.prepare('select id from agent_group where name = ?').pluck().get(`Suporte ${line.code}`);
    if (typeof group === 'number') groupIdByLine.set(line.id, group);
  }
  return { lines: lineChoices, classifications: classifications(raw), groupIdByLine };
}

/** Every category × origin × effect with its criticality, computed exactly as the service does. */
function classifications(raw: SQLite.Database): Classification[] {
  type Named = { id: number; names: string };
  const categories = raw.prepare('select id, key, names, cap_level from category where active = 1').all() as (Named & { key: string; cap_level: Level | null })[];
  const origins = raw.prepare('select id, names, impact from origin where active = 1').all() as (Named & { impact: Grade })[];
  const effects = raw.prepare('select id, names, urgency from effect where active = 1').all() as (Named & { urgency: Grade })[];
  const matrix = { high: {}, medium: {}, low: {} } as Record<Grade, Record<Grade, Level>>;
  for (const cell of raw.prepare('select impact, urgency, level from criticality_cell').all() as { impact: Grade; urgency: Grade; level: Level }[]) {
    matrix[cell.impact][cell.urgency] = cell.level;
  }
  const name = (names: string) => localized(JSON.parse(names), 'pt-BR');

  const out: Classification[] = [];
  for (const category of categories) {
    for (const origin of origins) {
      for (const effect of effects) {
        const c = computeCriticality(
          {
            effect: { name: name(effect.names), urgency: effect.urgency },
            origin: { name: name(origin.names), impact: origin.impact },
            category: { name: name(category.names), cap: category.cap_level },
          },
          matrix,
        );
        const ids = { effectId: effect.id, originId: origin.id, categoryId: category.id };
        const reason = JSON.stringify({ ...ids, urgency: c.urgency, impact: c.impact, capped: Boolean(c.cappedBy), level: c.level });
        const entry = { categoryId: category.id, originId: origin.id, effectId: effect.id, level: c.level, reason };
        for (let w = categoryWeights[category.key] ?? 1; w > 0; w--) out.push(entry);
      }
    }
  }
  return out;
}
