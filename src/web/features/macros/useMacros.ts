import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MacroInput, MacroList, MacroView, RenderedMacro } from '../../../contracts/macros';
import type { TicketView } from '../../../contracts/tickets';
import { api } from '../../api/client';

const macrosKey = ['macros'] as const;

/** The macros the agent may apply, the most used first, and the groups they may share one with. */
export function useMacros(enabled = true) {
  return useQuery({ queryKey: macrosKey, queryFn: () => api.get<MacroList>('/api/macros'), enabled, staleTime: 30_000 });
}

/** Creates a macro, or changes one from the revision the editor saw. */
export function useSaveMacro() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: number; revision?: number; input: MacroInput }) =>
      id === undefined ? api.post<MacroView>('/api/macros', input) : api.patch<MacroView>(`/api/macros/${id}`, { ...input, revision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: macrosKey }),
  });
}

export function useDeleteMacro() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (macro: MacroView) => api.delete(`/api/macros/${macro.id}?revision=${macro.revision}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: macrosKey }),
  });
}

/** A macro rendered for a ticket by the server: the reply exactly as it will be sent. */
export const renderMacro = (number: number, id: number) => api.get<RenderedMacro>(`/api/tickets/${number}/macros/${id}`);

/** Applies a macro's actions from the revision seen and counts its use; null when a transfer took the ticket away. */
export const applyMacro = (number: number, id: number, revision: number) =>
  api.post<{ ticket: TicketView | null }>(`/api/tickets/${number}/macros/${id}/apply`, { revision });

/** Refreshes the picker's order after a use. */
export function useMacrosChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: macrosKey });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The macros whose name (or reply) holds every word typed, in the list's order (most used first). */
export function searchMacros(macros: MacroView[], typed: string): MacroView[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  return macros.filter((m) => {
    const text = fold(`${m.name} ${m.body}`);
    return words.every((w) => text.includes(w));
  });
}
