import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { companyOptions, contactOptions, ServiceLineForm } from '../../../contracts/catalog';
import type { OpenTicketInput, TicketList, TicketView } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { useMe } from '../auth/useMe';

export type CompanyOption = z.infer<typeof companyOptions>['companies'][number];
export type ContactOption = z.infer<typeof contactOptions>['contacts'][number];

/** Every ticket query starts with this key, so opening a ticket refreshes all lists at once. */
export const ticketsKey = ['tickets'] as const;

/** The lists of a service line's form; names come in the language saved on the person. */
export function useServiceLineForm(serviceLineId: number | undefined) {
  const language = useMe().data?.language;
  return useQuery({
    queryKey: ['serviceLineForm', serviceLineId, language],
    queryFn: () => api.get<ServiceLineForm>(`/api/service-lines/${serviceLineId}/form`),
    enabled: serviceLineId !== undefined && language !== undefined,
  });
}

/** Agents: companies entitled to the line whose name contains `q`. */
export function useCompanySearch(serviceLineId: number, q: string, enabled: boolean) {
  const params = new URLSearchParams({ serviceLineId: String(serviceLineId) });
  if (q) params.set('q', q);
  return useQuery({
    queryKey: ['companies', serviceLineId, q],
    queryFn: () => api.get<{ companies: CompanyOption[] }>(`/api/companies?${params}`).then((body) => body.companies),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Agents: the active contacts of a company, who may become the requester. */
export function useContacts(companyId: number | null) {
  return useQuery({
    queryKey: ['contacts', companyId],
    queryFn: () => api.get<{ contacts: ContactOption[] }>(`/api/companies/${companyId}/contacts`).then((body) => body.contacts),
    enabled: companyId !== null,
  });
}

/** Opens a ticket; every list is stale afterwards. */
export function useOpenTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenTicketInput) => api.post<{ number: number }>('/api/tickets', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

/** The filters of a ticket list, as the API names them. */
export type TicketFilters = {
  channel?: string;
  serviceLineId?: number;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  sort: 'updated' | 'created' | 'number';
  order: 'desc' | 'asc';
};

export const pageSize = 25;

/** The tickets the person may read, in keyset pages of 25. */
export function useTicketList(filters: TicketFilters) {
  return useInfiniteQuery({
    queryKey: [...ticketsKey, 'list', filters],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ sort: filters.sort, order: filters.order, limit: String(pageSize) });
      for (const name of ['channel', 'serviceLineId', 'status', 'from', 'to', 'q'] as const) {
        const value = filters[name];
        if (value !== undefined && value !== '') params.set(name, String(value));
      }
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TicketList>(`/api/tickets?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One ticket with its fields, copies and history, names in the person's language. */
export function useTicket(number: number | undefined) {
  const language = useMe().data?.language;
  return useQuery({
    queryKey: [...ticketsKey, 'one', number, language],
    queryFn: () => api.get<TicketView>(`/api/tickets/${number}`),
    enabled: number !== undefined && language !== undefined,
  });
}
