import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkInput, BulkResult } from '../../../contracts/bulk';
import { api } from '../../api/client';
import { ticketsKey } from '../tickets/useTickets';

/** Sends a bulk action; every list, count and ticket is asked again after it. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => api.post<BulkResult>('/api/tickets/bulk', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}
