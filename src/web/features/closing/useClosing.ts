import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CloseInput, CloseReasonAdminView, CloseReasonInput, CloseReasonView, ClosingSettings } from '../../../contracts/closing';
import type { TicketView } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { useMe } from '../auth/useMe';
import { useTicketMutation } from '../tickets/useTickets';

/** The reasons an agent may close with, names in their language. */
export function useCloseReasons(enabled: boolean) {
  const language = useMe().data?.language;
  return useQuery({
    queryKey: ['closeReasons', language],
    queryFn: () => api.get<{ reasons: CloseReasonView[] }>('/api/close-reasons').then((b) => b.reasons),
    enabled,
  });
}

/** Closes the ticket with a reason; the answer replaces the cached ticket. */
export function useCloseTicket(number: number) {
  return useTicketMutation(number, (input: CloseInput) => api.post<TicketView>(`/api/tickets/${number}/close`, input));
}

/** Every close reason, inactive ones included (administration). */
export function useCloseReasonsAdmin() {
  return useQuery({ queryKey: ['admin', 'close-reasons'], queryFn: () => api.get<{ reasons: CloseReasonAdminView[] }>('/api/admin/close-reasons').then((b) => b.reasons) });
}

/** Adds a close reason (`id` null) or replaces one; agents get the list again. */
export function useSaveCloseReason() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: CloseReasonInput }) =>
      id ? api.put<CloseReasonAdminView>(`/api/admin/close-reasons/${id}`, input) : api.post<CloseReasonAdminView>('/api/admin/close-reasons', input),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'admin' || q.queryKey[0] === 'closeReasons' }),
  });
}

/** The days a ticket waits for the customer before the reminder (and again before it closes). */
export function useClosingSettings() {
  return useQuery({ queryKey: ['admin', 'closing'], queryFn: () => api.get<ClosingSettings>('/api/admin/closing') });
}

export function useSaveClosingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClosingSettings) => api.put<ClosingSettings>('/api/admin/closing', input),
    onSuccess: (saved) => queryClient.setQueryData(['admin', 'closing'], saved),
  });
}
