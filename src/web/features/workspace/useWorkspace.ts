import { useCallback, useMemo } from 'react';
import { ticketStatuses, type TicketList, type TicketStatus } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { positiveInt } from '../../app/format';
import { viewSorts } from '../../../contracts/views';
import { oneOf, useUrlFilters } from '../../ui/useUrlFilters';
import { live, pageSize, useTicketPages } from '../tickets/useTickets';
import { useViewCounts } from '../views/useViews';

/** The agent's views, in menu order. */
export const views = ['unassigned', 'mine', 'open', 'due_soon', 'breached', 'waiting', 'recently_closed'] as const;
export type View = (typeof views)[number];

/** The view staff land on: their home, and where `/workspace` leads. */
export const defaultView: View = 'unassigned';

/** A view's address: `/workspace/recently-closed`. */
export const viewPath = (view: View) => `/workspace/${view.replace('_', '-')}`;

/** The view an address names, if any. */
export function viewOf(slug: string | undefined): View | undefined {
  return views.find((v) => v.replace('_', '-') === slug);
}

/** How a view can be ordered; criticality puts the most critical first, then the oldest. */
export const workspaceSorts = ['criticality', 'due', 'oldest', 'newest', 'updated'] as const;
export type WorkspaceSort = (typeof workspaceSorts)[number];

const apiSort: Record<WorkspaceSort, { sort: string; order: string }> = {
  criticality: { sort: 'criticality', order: 'asc' },
  oldest: { sort: 'created', order: 'asc' },
  newest: { sort: 'created', order: 'desc' },
  updated: { sort: 'updated', order: 'desc' },
  due: { sort: 'due', order: 'asc' },
};

/** The orders a view offers (contracts/views.ts): "Vencendo" is read by due time only. */
export const sortsOf = (view: View): WorkspaceSort[] => workspaceSorts.filter((s) => (viewSorts[view] as readonly string[]).includes(apiSort[s].sort));

/** The order a view is read in: the chosen one when the view offers it, else the view's first. */
export const effectiveSort = (view: View, sort: WorkspaceSort): WorkspaceSort => (sortsOf(view).includes(sort) ? sort : (sortsOf(view)[0] ?? sort));

export type WorkspaceFilters = { q?: string; status?: TicketStatus; serviceLineId?: number; tags?: string[]; sort: WorkspaceSort };

/** The query string of a view's list, as the API reads it. */
export function listParams(view: View, filters: WorkspaceFilters, limit: number): URLSearchParams {
  const params = new URLSearchParams({ view, ...apiSort[effectiveSort(view, filters.sort)], limit: String(limit) });
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.serviceLineId) params.set('serviceLineId', String(filters.serviceLineId));
  if (filters.tags?.length) params.set('tags', filters.tags.join(','));
  return params;
}

/** How many tickets each view holds (up to 99, then "99+"), kept fresh: the saved views' counts come with them. */
export function useWorkspaceCounts(enabled = true) {
  const counts = useViewCounts(enabled);
  return { ...counts, data: counts.data?.builtIn };
}

/** One view's tickets in keyset pages, kept fresh like the counts. */
export function useWorkspaceList(view: View, filters: WorkspaceFilters) {
  return useTicketPages(['workspace', view, filters], () => listParams(view, filters, pageSize), live);
}

/** The default order leaves the address clean. */
function tidy(next: URLSearchParams) {
  if (next.get('sort') === 'criticality') next.delete('sort');
}

/** The workspace filters kept in the address, so a reload or a shared link shows the same list. */
export function useWorkspaceFilters() {
  const { params, set } = useUrlFilters<'q' | 'status' | 'serviceLineId' | 'tags' | 'sort'>(tidy);
  const search = params.get('q') ?? '';
  const q = search.trim().slice(0, 200) || undefined;
  const status = oneOf(ticketStatuses, params.get('status'));
  const serviceLineId = positiveInt(params.get('serviceLineId') ?? undefined);
  const sort = oneOf(workspaceSorts, params.get('sort')) ?? 'criticality';
  const tagsParam = params.get('tags') ?? '';
  const tags = useMemo(() => (tagsParam ? tagsParam.split(',').filter(Boolean).slice(0, 20) : undefined), [tagsParam]);
  const filters = useMemo<WorkspaceFilters>(() => ({ q, status, serviceLineId, tags, sort }), [q, status, serviceLineId, tags, sort]);
  const clear = useCallback(() => set({ q: null, status: null, serviceLineId: null, tags: null }), [set]);
  return { filters, search, set, clear, narrowed: Boolean(q || status || serviceLineId || tags) };
}

/** The view an agent last worked in, with its filters and order: "next ticket" follows it. */
type Remembered = { view: View; filters: WorkspaceFilters; numbers: number[] };
const memoryKey = 'atende.workspace';

export function rememberView(memory: Remembered) {
  try {
    sessionStorage.setItem(memoryKey, JSON.stringify(memory));
  } catch {
    // Without storage, "next ticket" falls back to the default view.
  }
}

export function rememberedView(): Remembered | undefined {
  try {
    const raw = sessionStorage.getItem(memoryKey);
    const parsed = raw ? (JSON.parse(raw) as Remembered) : undefined;
    return parsed && viewOf(parsed.view.replace('_', '-')) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ticket after `current` in the view the agent works in, asked fresh from the server. When
 * `current` left the view (taken, answered), the next one is the first that followed it there.
 */
export async function nextTicket(current: number | undefined): Promise<number | null> {
  const memory = rememberedView() ?? { view: defaultView, filters: { sort: 'criticality' as WorkspaceSort }, numbers: [] };
  const fresh = (await api.get<TicketList>(`/api/tickets?${listParams(memory.view, memory.filters, 100)}`)).tickets.map((t) => t.number);
  if (current === undefined) return fresh[0] ?? null;
  const at = fresh.indexOf(current);
  if (at >= 0) return fresh[at + 1] ?? null;
  const before = memory.numbers.indexOf(current);
  const followed = before >= 0 ? memory.numbers.slice(before + 1).find((n) => fresh.includes(n)) : undefined;
  return followed ?? fresh.find((n) => n !== current) ?? null;
}
