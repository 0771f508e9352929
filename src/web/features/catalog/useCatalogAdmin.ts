import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogEntryInput, CatalogEntryView, CatalogKind } from '../../../contracts/admin';
import type { Matrix } from '../../../contracts/criticality';
import { api } from '../../api/client';

/** One entry of the catalog as the administration sees it (inactive ones too). */
export type CatalogEntry = CatalogEntryView;
/** The whole catalog, kind by kind. */
export type Catalog = Record<CatalogKind, CatalogEntry[]>;

// The administration's queries share the 'admin' prefix: a change on one page refreshes the others it shows up on.
const catalogKey = ['admin', 'catalog'] as const;
const matrixKey = ['admin', 'criticality'] as const;

/** The whole catalog, inactive entries included. */
export function useCatalog() {
  return useQuery({ queryKey: catalogKey, queryFn: () => api.get<Catalog>('/api/admin/catalog') });
}

/** Adds, edits and reorders catalog entries. */
export function useCatalogActions() {
  const queryClient = useQueryClient();
  // The menu's channels and every ticket form read the catalog too.
  const onSuccess = () => queryClient.invalidateQueries({ predicate: (q) => ['admin', 'channels', 'serviceLineForm'].includes(String(q.queryKey[0])) });
  return {
    create: useMutation({ mutationFn: ({ kind, input }: { kind: CatalogKind; input: CatalogEntryInput }) => api.post<CatalogEntry>(`/api/admin/catalog/${kind}`, input), onSuccess }),
    update: useMutation({
      mutationFn: ({ kind, id, input }: { kind: CatalogKind; id: number; input: CatalogEntryInput }) => api.patch<CatalogEntry>(`/api/admin/catalog/${kind}/${id}`, input),
      onSuccess,
    }),
    /** A list of siblings in its new order, written at once. */
    reorder: useMutation({
      mutationFn: ({ kind, ids }: { kind: CatalogKind; ids: number[] }) => api.put<CatalogEntry[]>(`/api/admin/catalog/${kind}/order`, { ids }),
      onSettled: onSuccess,
    }),
  };
}

/** The criticality matrix (impact × urgency) as saved. */
export function useMatrix() {
  return useQuery({ queryKey: matrixKey, queryFn: () => api.get<{ matrix: Matrix }>('/api/admin/criticality').then((b) => b.matrix) });
}

/** Saves the matrix; every ticket form's live preview follows it. */
export function useSaveMatrix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (matrix: Matrix) => api.put<{ matrix: Matrix }>('/api/admin/criticality', { matrix }),
    onSuccess: (saved) => {
      queryClient.setQueryData(matrixKey, saved.matrix);
      void queryClient.invalidateQueries({ queryKey: ['serviceLineForm'] });
    },
  });
}
