import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../contracts/people';
import { api } from '../../api/client';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { meKey, useMe } from '../auth/useMe';

const invitationsKey = ['invitations'] as const;

/** The companies' invitations waiting for the signed-in customer's answer (staff get none). */
export function useInvitations() {
  const me = useMe().data;
  return useQuery({
    queryKey: invitationsKey,
    queryFn: () => api.get<{ invitations: InvitationView[] }>('/api/invitations').then((b) => b.invitations),
    enabled: Boolean(me) && me?.staffRole === null,
  });
}

/**
 * Accepts or declines an invitation; accepting adds the company to the person's memberships. The
 * toasts are the hook's: the answered invitation leaves the page before a caller's callback would run.
 */
export function useAnswerInvitation() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useNotifyFailure();
  const answer = (verb: 'accept' | 'decline', done: 'accepted' | 'declined') =>
    ({
      mutationFn: (invitation: InvitationView) => api.post<void>(`/api/invitations/${invitation.id}/${verb}`, {}),
      onSuccess: async (_: void, invitation: InvitationView) => {
        notifyDone(t(`people.invitations.${done}`, { company: invitation.companyName }));
        await queryClient.invalidateQueries({ queryKey: invitationsKey });
        await queryClient.invalidateQueries({ queryKey: meKey });
      },
      onError,
    }) as const;
  return { accept: useMutation(answer('accept', 'accepted')), decline: useMutation(answer('decline', 'declined')) };
}
