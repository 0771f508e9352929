import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  calendarInput,
  CalendarView,
  escalationInput,
  EscalationView,
  HolidayListView,
  icsView,
  LevelTargets,
  policyInput,
  PolicyView,
  PreviewView,
  RegionsView,
  supportTierInput,
  SupportTiersView,
} from '../../../contracts/sla-admin';
import { api } from '../../api/client';

// Under the administration's 'admin' prefix: a change on one page refreshes the others it shows up on.
const slaKey = ['admin', 'sla'] as const;
const calendarsKey = [...slaKey, 'calendars'] as const;
const policiesKey = [...slaKey, 'policies'] as const;

/** The business calendars with their hours and own holidays. */
export function useCalendars() {
  return useQuery({ queryKey: calendarsKey, queryFn: () => api.get<{ calendars: CalendarView[] }>('/api/admin/sla/calendars').then((b) => b.calendars) });
}

/** Creates a calendar (`id` null) or replaces one from the revision it was opened at. */
export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id: number | null; revision: number; input: z.input<typeof calendarInput> }) =>
      id ? api.put<CalendarView>(`/api/admin/sla/calendars/${id}`, { ...input, revision }) : api.post<CalendarView>('/api/admin/sla/calendars', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slaKey }),
  });
}

/** Deletes a calendar no policy counts on. */
export function useDeleteCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: { id: number; revision: number }) => api.delete(`/api/admin/sla/calendars/${id}?revision=${revision}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slaKey }),
  });
}

/** The library's national, state and city holidays of a year, with their names. */
export function useHolidays(year: number, state: string | null, city: string | null) {
  const params = new URLSearchParams({ year: String(year) });
  if (state) params.set('state', state);
  if (state && city) params.set('city', city);
  return useQuery({
    queryKey: [...slaKey, 'holidays', year, state, city],
    queryFn: () => api.get<HolidayListView>(`/api/admin/sla/holidays?${params}`),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The states and cities whose holidays a calendar may add. */
export function useRegions() {
  return useQuery({ queryKey: [...slaKey, 'regions'], queryFn: () => api.get<RegionsView>('/api/admin/sla/regions'), staleTime: Infinity });
}

/** Reads an ICS file's days on the server (the same parser for everyone); the form adds them. */
export function useReadIcs() {
  return useMutation({ mutationFn: (text: string) => api.post<z.infer<typeof icsView>>('/api/admin/sla/ics', { text }) });
}

/** The policies, in the order they are tried. */
export function usePolicies() {
  return useQuery({ queryKey: policiesKey, queryFn: () => api.get<{ policies: PolicyView[] }>('/api/admin/sla/policies').then((b) => b.policies) });
}

/** Creates a policy (`id` null, at the end of the list) or replaces one from the revision it was opened at. */
export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id: number | null; revision: number; input: z.input<typeof policyInput> }) =>
      id ? api.put<PolicyView>(`/api/admin/sla/policies/${id}`, { ...input, revision }) : api.post<PolicyView>('/api/admin/sla/policies', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slaKey }),
  });
}

/** Writes the policies' new order at once; the list moves at once and comes back from the server. */
export function useReorderPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policies: PolicyView[]) => api.put<{ policies: PolicyView[] }>('/api/admin/sla/policies/order', { policies: policies.map((p) => ({ id: p.id, revision: p.revision })) }),
    onMutate: (policies) => queryClient.setQueryData(policiesKey, policies),
    onSuccess: (saved) => queryClient.setQueryData(policiesKey, saved.policies),
    onError: () => queryClient.invalidateQueries({ queryKey: policiesKey }),
  });
}

/** When a ticket opened now (or at `at`) would be due on a calendar with these targets. */
export function usePreview(calendarId: number | null, targets: LevelTargets, at?: string) {
  return useQuery({
    queryKey: [...slaKey, 'preview', calendarId, targets, at],
    queryFn: () => api.post<PreviewView>('/api/admin/sla/preview', { calendarId, targets, ...(at ? { at } : {}) }),
    enabled: calendarId !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Every company's support tier, and the tiers in use. */
export function useSupportTiers() {
  return useQuery({ queryKey: [...slaKey, 'tiers'], queryFn: () => api.get<SupportTiersView>('/api/admin/sla/support-tiers') });
}

/** Sets a company's support tier, from the one the editor saw. */
export function useSaveSupportTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, input }: { companyId: number; input: z.input<typeof supportTierInput> }) => api.put<SupportTiersView>(`/api/admin/sla/support-tiers/${companyId}`, input),
    onSuccess: (saved) => queryClient.setQueryData([...slaKey, 'tiers'], saved),
    onError: () => queryClient.invalidateQueries({ queryKey: [...slaKey, 'tiers'] }),
  });
}

/** Every group's escalation contacts. */
export function useEscalation() {
  return useQuery({ queryKey: [...slaKey, 'escalation'], queryFn: () => api.get<EscalationView>('/api/admin/sla/escalation') });
}

/** Replaces a group's escalation contacts, from those the editor saw. */
export function useSaveEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, input }: { groupId: number; input: z.input<typeof escalationInput> }) => api.put<EscalationView>(`/api/admin/sla/escalation/${groupId}`, input),
    onSuccess: (saved) => queryClient.setQueryData([...slaKey, 'escalation'], saved),
    onError: () => queryClient.invalidateQueries({ queryKey: [...slaKey, 'escalation'] }),
  });
}
