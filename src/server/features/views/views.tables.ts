import type { Id, Timestamp } from '../../db/columns';

/** A saved filter over the ticket list, personal or shared with a group or every agent. */
export interface SavedViewTable {
  id: Id;
  owner_id: string;
  name: string;
  /** personal · group · all */
  share: string;
  /** The group a `group` view is shared with. */
  group_id: number | null;
  /** JSON of contracts' `viewFilters`. */
  filters: string;
  sort: string;
  sort_order: string;
  /** JSON array of contracts' `listColumns`. */
  columns: string;
  /** Optimistic concurrency: every change bumps it. */
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ViewsTables {
  saved_view: SavedViewTable;
}
