import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maxBulkRows, type BulkInput, type BulkResult } from '../../../contracts/bulk';
import { api } from '../../api/client';
import { ticketsKey } from '../tickets/useTickets';

/**
 * Sends a bulk action, in requests of at most `maxBulkRows` rows (a list with pages loaded may
 * check more), their results joined; every list, count and ticket is asked again after it.
 */
export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: BulkInput): Promise<BulkResult> => {
      const joined: BulkResult = { results: [], applied: 0, failed: 0 };
      for (let at = 0; at < input.rows.length; at += maxBulkRows) {
        const part = await api.post<BulkResult>('/api/tickets/bulk', { ...input, rows: input.rows.slice(at, at + maxBulkRows) });
        joined.results.push(...part.results);
        joined.applied += part.applied;
        joined.failed += part.failed;
      }
      return joined;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}
