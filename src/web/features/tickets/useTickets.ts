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

/** A list's page size: the workspace's views and "Meus chamados" alike. */
export const pageSize = 25;

/**
 * A query kept fresh while on screen: the event stream (features/live) asks it again when a change
 * it shows happens elsewhere, and the window's focus does too (nothing polls).
 */
export const live = { refetchOnWindowFocus: true, staleTime: 0 } as const;

/**
 * Tickets from `/api/tickets` in keyset pages; `params` is the list's query string (a new one each
 * call), `key` what tells this list apart in the cache. The previous results stay while new filters load.
 */
export function useTicketPages(key: readonly unknown[], params: () => URLSearchParams, options: Partial<typeof live> = {}) {
  return useInfiniteQuery({
    queryKey: [...ticketsKey, ...key],
    queryFn: ({ pageParam }) => {
      const query = params();
      if (pageParam) query.set('cursor', pageParam);
      return api.get<TicketList>(`/api/tickets?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** The tickets the person may read, in keyset pages of 25. */
export function useTicketList(filters: TicketFilters) {
  return useTicketPages(['list', filters], () => {
    const params = new URLSearchParams({ sort: filters.sort, order: filters.order, limit: String(pageSize) });
    for (const name of ['channel', 'serviceLineId', 'status', 'from', 'to', 'q'] as const) {
      const value = filters[name];
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    // The period means calendar days where the person is.
    if (filters.from || filters.to) params.set('tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
    return params;
  });
}

/** The cache key of one ticket as the signed-in person reads it. */
export function ticketKey(number: number | undefined, language: string | undefined) {
  return [...ticketsKey, 'one', number, language] as const;
}

/**
 * One ticket with its fields, copies, conversation and history, names in the person's language.
 * A change made by someone else shows up within a second (the event stream refreshes it).
 */
export function useTicket(number: number | undefined) {
  const language = useMe().data?.language;
  return useQuery({
    queryKey: ticketKey(number, language),
    queryFn: () => api.get<TicketView>(`/api/tickets/${number}`),
    enabled: number !== undefined && language !== undefined,
    ...live,
  });
}

/**
 * A change to a ticket (reply, take, edit, confirm…): the answer is the ticket as the person now
 * sees it, so it replaces the cached one at once; lists and counts are asked again.
 */
export function useTicketMutation<Input>(number: number, send: (input: Input) => Promise<TicketView>) {
  const queryClient = useQueryClient();
  const language = useMe().data?.language;
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => {
      queryClient.setQueryData(ticketKey(number, language), view);
      return queryClient.invalidateQueries({
        queryKey: ticketsKey,
        predicate: (query) => query.queryKey[1] !== 'one' || query.queryKey[2] !== number,
      });
    },
  });
}
