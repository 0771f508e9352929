import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CatalogEntryInput, CatalogEntryView, CatalogKind, agentAdminView, companyView, groupView } from '../../../contracts/admin';
import type { Matrix } from '../../../contracts/criticality';
import { api } from '../../api/client';
import type { AuditEvent } from './AuditTable';

export type Company = z.infer<typeof companyView>;
export type Agent = z.infer<typeof agentAdminView>;
export type Group = z.infer<typeof groupView>;
export type CatalogEntry = CatalogEntryView;
export type Catalog = Record<CatalogKind, CatalogEntry[]>;
export type HelpChannelAdmin = {
  id: number;
  names: Record<string, string>;
  descriptions: Record<string, string>;
  phone: string | null;
  option: string | null;
  url: string | null;
  position: number;
  active: boolean;
};
/** A mail the worker gave up on: the server refused it for good, or it failed too many times. */
export type FailedMail = { id: number; to: string; subject: string; error: string | null; at: string | null };
export type MailSettings = {
  smtpUrl: string | null;
  from: string;
  publicUrl: string;
  outbox: { pending: number; sent: number; failed: number };
  failedMails: FailedMail[];
};

const admin = ['admin'] as const;

/** Companies, searched by name or CNPJ on the server. */
export function useCompanies(q = '', enabled = true) {
  return useQuery({
    queryKey: [...admin, 'companies', q],
    queryFn: () => api.get<{ companies: Company[] }>(`/api/admin/companies${q ? `?q=${encodeURIComponent(q)}` : ''}`).then((b) => b.companies),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useCompanyActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: [...admin, 'companies'] });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; cnpj?: string; country: string; firstAdmin: { name: string; email: string; language: string } }) => api.post<Company>('/api/admin/companies', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: { name?: string; cnpj?: string; country?: string; active?: boolean } }) => api.patch<Company>(`/api/admin/companies/${id}`, patch),
      onSuccess,
    }),
    entitle: useMutation({
      mutationFn: ({ id, serviceLineIds }: { id: number; serviceLineIds: number[] }) => api.put<Company>(`/api/admin/companies/${id}/entitlements`, { serviceLineIds }),
      onSuccess,
    }),
  };
}

/** The whole catalog, inactive entries included. */
export function useCatalog() {
  return useQuery({ queryKey: [...admin, 'catalog'], queryFn: () => api.get<Catalog>('/api/admin/catalog') });
}

export type CatalogWrite = CatalogEntryInput;

export function useCatalogActions() {
  const queryClient = useQueryClient();
  // The menu's channels and every ticket form read the catalog too.
  const onSuccess = () => queryClient.invalidateQueries({ predicate: (q) => ['admin', 'channels', 'serviceLineForm'].includes(String(q.queryKey[0])) });
  return {
    create: useMutation({ mutationFn: ({ kind, input }: { kind: CatalogKind; input: CatalogWrite }) => api.post<CatalogEntry>(`/api/admin/catalog/${kind}`, input), onSuccess }),
    update: useMutation({
      mutationFn: ({ kind, id, input }: { kind: CatalogKind; id: number; input: CatalogWrite }) => api.patch<CatalogEntry>(`/api/admin/catalog/${kind}/${id}`, input),
      onSuccess,
    }),
    /** A list of siblings in its new order, written at once. */
    reorder: useMutation({
      mutationFn: ({ kind, ids }: { kind: CatalogKind; ids: number[] }) => api.put<CatalogEntry[]>(`/api/admin/catalog/${kind}/order`, { ids }),
      onSettled: onSuccess,
    }),
  };
}

export function useMatrix() {
  return useQuery({ queryKey: [...admin, 'criticality'], queryFn: () => api.get<{ matrix: Matrix }>('/api/admin/criticality').then((b) => b.matrix) });
}

export function useSaveMatrix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (matrix: Matrix) => api.put<{ matrix: Matrix }>('/api/admin/criticality', { matrix }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...admin, 'criticality'], saved.matrix);
      void queryClient.invalidateQueries({ queryKey: ['serviceLineForm'] });
    },
  });
}

export function useAgents() {
  return useQuery({ queryKey: [...admin, 'agents'], queryFn: () => api.get<{ agents: Agent[] }>('/api/admin/agents').then((b) => b.agents) });
}

export function useAgentActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: [...admin] });
  return {
    invite: useMutation({ mutationFn: (input: { name: string; email: string; role: string; language: string }) => api.post<Agent>('/api/admin/agents', input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: { name?: string; role?: string; active?: boolean } }) => api.patch<Agent>(`/api/admin/agents/${id}`, patch),
      onSuccess,
    }),
    /** Mails an invited agent a new link; the one sent before stops working. */
    resend: useMutation({ mutationFn: (agent: Agent) => api.post<void>(`/api/admin/agents/${agent.id}/invitation`, {}), onSuccess }),
  };
}

export function useGroups() {
  return useQuery({ queryKey: [...admin, 'groups'], queryFn: () => api.get<{ groups: Group[] }>('/api/admin/groups').then((b) => b.groups) });
}

export function useSaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: Omit<Group, 'id'> }) => (id ? api.put<Group>(`/api/admin/groups/${id}`, input) : api.post<Group>('/api/admin/groups', input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...admin] }),
  });
}

export function useHelpChannels() {
  return useQuery({ queryKey: [...admin, 'help-channels'], queryFn: () => api.get<{ channels: HelpChannelAdmin[] }>('/api/admin/help-channels').then((b) => b.channels) });
}

export type HelpChannelWrite = Omit<HelpChannelAdmin, 'id' | 'phone' | 'option' | 'url'> & { phone?: string; option?: string; url?: string };

export function useSaveHelpChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: HelpChannelWrite }) =>
      id ? api.put<HelpChannelAdmin>(`/api/admin/help-channels/${id}`, input) : api.post<HelpChannelAdmin>('/api/admin/help-channels', input),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'admin' || q.queryKey[0] === 'help' }),
  });
}

export function useMailSettings() {
  return useQuery({ queryKey: [...admin, 'mail'], queryFn: () => api.get<MailSettings>('/api/admin/mail') });
}

export function useTestMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: string) => api.post<{ delivered: boolean; error: string | null }>('/api/admin/mail/test', { to }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...admin, 'mail'] }),
  });
}

/** Queues a failed mail again, from its first attempt. */
export function useResendMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<null>(`/api/admin/mail/${id}/resend`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...admin, 'mail'] }),
  });
}

/** The whole audit log, newest first, 100 acts a page; "before" is the last id already shown. */
export function useAudit(filters: { action: string; companyId: number | null }) {
  return useInfiniteQuery({
    queryKey: [...admin, 'audit', filters],
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
