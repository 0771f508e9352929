import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedView, savedViewList, ViewCounts, ViewFilters, ViewInput, viewCount } from '../../../contracts/views';
import { api } from '../../api/client';
import { live, ticketsKey } from '../tickets/useTickets';

type ViewList = z.infer<typeof savedViewList>;
export type Count = z.infer<typeof viewCount>;

const viewsKey = ['views'] as const;
/** Under the tickets' key: a change to any ticket asks the counts again. */
const countsKey = [...ticketsKey, 'views', 'counts'] as const;

/** The saved views the agent sees and the groups they may share one with. */
export function useSavedViews(enabled = true) {
  return useQuery({ queryKey: viewsKey, queryFn: () => api.get<ViewList>('/api/views'), enabled });
}

/** How many tickets each built-in and saved view holds (up to 99, then "99+"), kept fresh. */
export function useViewCounts(enabled = true) {
  return useQuery({ queryKey: countsKey, queryFn: () => api.get<ViewCounts>('/api/views/counts'), enabled, ...live });
}

/** A count as the menu shows it. */
export const countLabel = (count: Count) => (count.capped ? `${count.count}+` : String(count.count));

/** Creates a view, or changes one from the revision the editor saw; the lists and counts are asked again. */
export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: number; revision?: number; input: ViewInput }) =>
      id === undefined ? api.post<SavedView>('/api/views', input) : api.patch<SavedView>(`/api/views/${id}`, { ...input, revision }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: viewsKey }), queryClient.invalidateQueries({ queryKey: countsKey })]),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api.delete(`/api/views/${view.id}?revision=${view.revision}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}

/** A view's filters as the list's query string: lists comma-separated, as the API reads them. */
export function filterParams(filters: ViewFilters, params = new URLSearchParams()): URLSearchParams {
  for (const [name, value] of Object.entries(filters) as [string, unknown][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/** The address of a saved view's page. */
export const savedViewPath = (id: number) => `/workspace/views/${id}`;
