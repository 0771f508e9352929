import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEvent } from './AuditTable';

/** The whole audit log, newest first, 100 acts a page; "before" is the last id already shown. */
export function useAudit(filters: { action: string; companyId: number | null }) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (filters.action) params.set('action', filters.action);
      if (filters.companyId) params.set('companyId', String(filters.companyId));
      if (pageParam) params.set('before', String(pageParam));
      return api.get<{ events: AuditEvent[] }>(`/api/admin/audit?${params}`);
    },
    initialPageParam: 0,
    getNextPageParam: (last) => (last.events.length === 100 ? last.events[last.events.length - 1]!.id : undefined),
    placeholderData: (previous) => previous,
  });
}
