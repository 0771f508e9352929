import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** A mail the worker gave up on: the server refused it for good, or it failed too many times. */
export type FailedMail = { id: number; to: string; subject: string; error: string | null; at: string | null };
/** How the server sends mail (from its configuration) and what its outbox holds. */
export type MailSettings = {
  smtpUrl: string | null;
  from: string;
  publicUrl: string;
  outbox: { pending: number; sent: number; failed: number };
  failedMails: FailedMail[];
};

const mailKey = ['admin', 'mail'] as const;

/** How the server sends mail, and its outbox. */
export function useMailSettings() {
  return useQuery({ queryKey: mailKey, queryFn: () => api.get<MailSettings>('/api/admin/mail') });
}

/** Sends a test mail; the outbox counts follow. */
export function useTestMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: string) => api.post<{ delivered: boolean; error: string | null }>('/api/admin/mail/test', { to }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailKey }),
  });
}

/** Queues a failed mail again, from its first attempt. */
export function useResendMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<null>(`/api/admin/mail/${id}/resend`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailKey }),
  });
}
