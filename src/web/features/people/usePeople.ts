import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContactInput, ContactView, ImportPreview, contactUpdate } from '../../../contracts/people';
import { api, type UploadProgress } from '../../api/client';
import type { AuditEvent } from '../audit/AuditTable';
import { useMe } from '../auth/useMe';
import { useCompanies } from '../companies/useCompaniesAdmin';

export type ContactStatus = 'active' | 'inactive' | 'all';
export type ContactUpdate = z.input<typeof contactUpdate>;
type ContactPage = { contacts: ContactView[]; nextCursor: string | null };

const peopleKey = (companyId: number) => ['people', companyId] as const;

/** The company's people, searched on the server, in keyset pages of 50. */
export function useContacts(companyId: number, filters: { q: string; status: ContactStatus }) {
  return useInfiniteQuery({
    queryKey: [...peopleKey(companyId), 'list', filters],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ status: filters.status, limit: '50' });
      if (filters.q) params.set('q', filters.q);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<ContactPage>(`/api/companies/${companyId}/people?${params}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** Create, edit, deactivate, reactivate, resend: each refreshes the list (and the log) afterwards. */
export function useContactActions(companyId: number) {
  const queryClient = useQueryClient();
  const base = `/api/companies/${companyId}/people`;
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: peopleKey(companyId) });
  return {
    create: useMutation({ mutationFn: (input: ContactInput) => api.post<ContactView>(base, input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: ContactUpdate }) => api.patch<ContactView>(`${base}/${id}`, patch),
      onSuccess,
    }),
    setActive: useMutation({
      mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<ContactView>(`${base}/${id}/${active ? 'reactivate' : 'deactivate'}`, {}),
      onSuccess,
    }),
    resend: useMutation({ mutationFn: (id: string) => api.post<void>(`${base}/${id}/invitation`, {}), onSuccess }),
  };
}

/** "Meus produtos": the service lines the company is entitled to. */
export function useProducts(companyId: number) {
  return useQuery({
    queryKey: [...peopleKey(companyId), 'products'],
    queryFn: () => api.get<{ products: { id: number; code: string; name: string; channel: string }[] }>(`/api/companies/${companyId}/products`).then((b) => b.products),
  });
}

/** The log of the company's contacts (the latest 200 acts). */
export function useCompanyAudit(companyId: number) {
  return useQuery({
    queryKey: [...peopleKey(companyId), 'audit'],
    queryFn: () => api.get<{ events: AuditEvent[] }>(`/api/companies/${companyId}/audit`).then((b) => b.events),
  });
}

/** Checks a CSV (preview) or writes it (commit), reporting how much of the file has been sent. */
export function useImport(companyId: number) {
  const queryClient = useQueryClient();
  const base = `/api/companies/${companyId}/people/import`;
  return {
    preview: useMutation({
      mutationFn: ({ csv, onProgress }: { csv: string; onProgress: (p: UploadProgress) => void }) => api.upload<ImportPreview>('POST', `${base}/preview`, { csv }, onProgress).done,
    }),
    commit: useMutation({
      mutationFn: ({ csv, onProgress }: { csv: string; onProgress: (p: UploadProgress) => void }) =>
        api.upload<{ created: number; unchanged: number }>('POST', base, { csv }, onProgress).done,
      onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey(companyId) }),
    }),
  };
}

/**
 * The company a "Meu espaço" page is about, by its name: from the person's own memberships, or,
 * for a system administrator, from the companies list.
 */
export function useCompanyName(companyId: number): string | undefined {
  const me = useMe().data;
  const own = me?.memberships.find((m) => m.companyId === companyId)?.companyName;
  const list = useCompanies('', !own && me?.staffRole === 'admin');
  return own ?? list.data?.find((c) => c.id === companyId)?.name;
}

/** What the signed-in person may grant in this company: never more than they hold. */
export function useGrantable(companyId: number) {
  const me = useMe().data;
  if (me?.staffRole === 'admin') return { isPortalAdmin: true, seesAllTickets: true, mayRequestConsulting: true };
  const own = me?.memberships.find((m) => m.companyId === companyId);
  return {
    isPortalAdmin: Boolean(own?.isPortalAdmin),
    seesAllTickets: Boolean(own?.seesAllTickets),
    mayRequestConsulting: Boolean(own?.mayRequestConsulting),
  };
}
