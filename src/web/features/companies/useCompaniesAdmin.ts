import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { companyView } from '../../../contracts/admin';
import { api } from '../../api/client';

/** A customer company as the administration lists it. */
export type Company = z.infer<typeof companyView>;

// The administration's queries share the 'admin' prefix: a change on one page refreshes the others it shows up on.
const companiesKey = ['admin', 'companies'] as const;

/** Companies, searched by name or CNPJ on the server. */
export function useCompanies(q = '', enabled = true) {
  return useQuery({
    queryKey: [...companiesKey, q],
    queryFn: () => api.get<{ companies: Company[] }>(`/api/admin/companies${q ? `?q=${encodeURIComponent(q)}` : ''}`).then((b) => b.companies),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** Creates a company, edits it, sets the service lines it is entitled to. */
export function useCompanyActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: companiesKey });
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
