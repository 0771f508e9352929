import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { ticketStatuses, type TicketList, type TicketStatus, type workspaceCounts } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { positiveInt } from '../../app/format';
import { oneOf, useUrlFilters } from '../../ui/useUrlFilters';
import { live, pageSize, ticketsKey, useTicketPages } from '../tickets/useTickets';

/** The agent's views, in menu order. */
export const views = ['unassigned', 'mine', 'open', 'waiting', 'recently_closed'] as const;
export type View = (typeof views)[number];

/** The view staff land on: their home, and where `/workspace` leads. */
export const defaultView: View = 'unassigned';
export type WorkspaceCounts = z.infer<typeof workspaceCounts>;

/** A view's address: `/workspace/recently-closed`. */
export const viewPath = (view: View) => `/workspace/${view.replace('_', '-')}`;

/** The view an address names, if any. */
export function viewOf(slug: string | undefined): View | undefined {
  return views.find((v) => v.replace('_', '-') === slug);
}

/** How a view can be ordered; criticality puts the most critical first, then the oldest. */
export const workspaceSorts = ['criticality', 'oldest', 'newest', 'updated'] as const;
export type WorkspaceSort = (typeof workspaceSorts)[number];

const apiSort: Record<WorkspaceSort, { sort: string; order: string }> = {
  criticality: { sort: 'criticality', order: 'asc' },
  oldest: { sort: 'created', order: 'asc' },
  newest: { sort: 'created', order: 'desc' },
  updated: { sort: 'updated', order: 'desc' },
};

export type WorkspaceFilters = { q?: string; status?: TicketStatus; serviceLineId?: number; sort: WorkspaceSort };

/** The query string of a view's list, as the API reads it. */
export function listParams(view: View, filters: WorkspaceFilters, limit: number): URLSearchParams {
  const params = new URLSearchParams({ view, ...apiSort[filters.sort], limit: String(limit) });
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.serviceLineId) params.set('serviceLineId', String(filters.serviceLineId));
  return params;
}

const countsKey = [...ticketsKey, 'workspace', 'counts'] as const;

/** How many tickets each view holds, kept fresh. */
export function useWorkspaceCounts(enabled = true) {
  return useQuery({ queryKey: countsKey, queryFn: () => api.get<WorkspaceCounts>('/api/workspace/counts'), enabled, ...live });
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
  const { params, set } = useUrlFilters<'q' | 'status' | 'serviceLineId' | 'sort'>(tidy);
  const search = params.get('q') ?? '';
  const q = search.trim().slice(0, 200) || undefined;
  const status = oneOf(ticketStatuses, params.get('status'));
  const serviceLineId = positiveInt(params.get('serviceLineId') ?? undefined);
  const sort = oneOf(workspaceSorts, params.get('sort')) ?? 'criticality';
  const filters = useMemo<WorkspaceFilters>(() => ({ q, status, serviceLineId, sort }), [q, status, serviceLineId, sort]);
  const clear = useCallback(() => set({ q: null, status: null, serviceLineId: null }), [set]);
  return { filters, search, set, clear, narrowed: Boolean(q || status || serviceLineId) };
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
