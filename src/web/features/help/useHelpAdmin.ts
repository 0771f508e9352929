import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** A help channel as the administration edits it: its texts in every language. */
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

/** What saving a help channel sends: the optional contact fields left out when empty. */
export type HelpChannelWrite = Omit<HelpChannelAdmin, 'id' | 'phone' | 'option' | 'url'> & { phone?: string; option?: string; url?: string };

/** Every help channel, inactive ones included. */
export function useHelpChannels() {
  return useQuery({ queryKey: ['admin', 'help-channels'], queryFn: () => api.get<{ channels: HelpChannelAdmin[] }>('/api/admin/help-channels').then((b) => b.channels) });
}

/** Creates a help channel (`id` null) or replaces one; the help page shows the change at once. */
export function useSaveHelpChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: HelpChannelWrite }) =>
      id ? api.put<HelpChannelAdmin>(`/api/admin/help-channels/${id}`, input) : api.post<HelpChannelAdmin>('/api/admin/help-channels', input),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'admin' || q.queryKey[0] === 'help' }),
  });
}
