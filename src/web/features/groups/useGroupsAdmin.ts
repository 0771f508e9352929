import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agentAdminView, groupInput, groupView } from '../../../contracts/admin';
import type { GroupAssignment } from '../../../contracts/assignment';
import { api } from '../../api/client';

/** A member of staff as the administration lists them. */
export type Agent = z.infer<typeof agentAdminView>;
/** A group of agents: its members and the service lines it serves. */
export type Group = z.infer<typeof groupView>;

// The administration's queries share the 'admin' prefix: an agent's groups and a group's members show on both pages.
const adminKey = ['admin'] as const;

/** The vendor's staff, agents and system administrators. */
export function useAgents() {
  return useQuery({ queryKey: [...adminKey, 'agents'], queryFn: () => api.get<{ agents: Agent[] }>('/api/admin/agents').then((b) => b.agents) });
}

/** Invites a member of staff, edits one, mails an invitation again. */
export function useAgentActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: adminKey });
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

/** The groups (queues) of agents. */
export function useGroups() {
  return useQuery({ queryKey: [...adminKey, 'groups'], queryFn: () => api.get<{ groups: Group[] }>('/api/admin/groups').then((b) => b.groups) });
}

/** Creates a group (`id` null) or replaces one, then sets its automatic assignment (features/assignment). */
export function useSaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input, assignment }: { id: number | null; input: z.input<typeof groupInput>; assignment: GroupAssignment }) => {
      const saved = await (id ? api.put<Group>(`/api/admin/groups/${id}`, input) : api.post<Group>('/api/admin/groups', input));
      return api.put<Group>(`/api/admin/groups/${saved.id}/assignment`, assignment);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}
