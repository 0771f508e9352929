import type { Bool, Id } from '../../db/columns';

/** Labels that users read are stored per language as JSON: {"pt-BR": …, "en": …, "es": …}. */
export type LocalizedText = string;

export interface ChannelTable {
  id: Id;
  key: string;
  names: LocalizedText;
  position: number;
  active: Bool;
}

export interface ServiceLineTable {
  id: Id;
  channel_id: number;
  code: string;
  name: string;
  position: number;
  active: Bool;
}

/** Modules, versions and environments belong to a service line; routines to a module. */
export interface ServiceLineItemTable {
  id: Id;
  service_line_id: number;
  name: string;
  position: number;
  active: Bool;
}

/** An environment's name per language; `name` is the Portuguese one, unique within the line. */
export interface EnvironmentTable extends ServiceLineItemTable {
  names: LocalizedText;
}

export interface RoutineTable {
  id: Id;
  module_id: number;
  name: string;
  position: number;
  active: Bool;
}

export interface EffectTable {
  id: Id;
  names: LocalizedText;
  urgency: string;
  position: number;
  active: Bool;
}

/** Ticket categories; `cap_level` limits the criticality, `needs_consulting_right` gates Consultoria. */
export interface CategoryTable {
  id: Id;
  key: string;
  names: LocalizedText;
  help: LocalizedText;
  cap_level: string | null;
  needs_consulting_right: Bool;
  position: number;
  active: Bool;
}

export interface OriginTable {
  id: Id;
  key: string;
  names: LocalizedText;
  help: LocalizedText;
  impact: string;
  position: number;
  active: Bool;
}

/** One cell of the criticality matrix: impact × urgency → level. */
export interface CriticalityCellTable {
  impact: string;
  urgency: string;
  level: string;
}

export interface EntitlementTable {
  company_id: number;
  service_line_id: number;
}

export interface CatalogTables {
  channel: ChannelTable;
  service_line: ServiceLineTable;
  module: ServiceLineItemTable;
  version: ServiceLineItemTable;
  environment: EnvironmentTable;
  routine: RoutineTable;
  effect: EffectTable;
  category: CategoryTable;
  origin: OriginTable;
  criticality_cell: CriticalityCellTable;
  entitlement: EntitlementTable;
}
