import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationList, NotificationPreferences } from '../../../contracts/live';
import { api } from '../../api/client';

export type NotificationList = z.infer<typeof notificationList>;

/** Every notification query starts with this key; the event stream refreshes them when the count changes. */
export const notificationsKey = ['notifications'] as const;

/** The latest notifications and how many are unread. */
export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: [...notificationsKey, 'latest'], queryFn: () => api.get<NotificationList>('/api/notifications?limit=20'), enabled });
}

/** Marks some read (ids) or all of them. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids?: number[]; all?: boolean }) => api.post<{ unread: number }>('/api/notifications/read', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

const preferencesKey = [...notificationsKey, 'preferences'] as const;

/** Which notifications also come by mail. */
export function useNotificationPreferences(enabled: boolean) {
  return useQuery({ queryKey: preferencesKey, queryFn: () => api.get<NotificationPreferences>('/api/me/notification-preferences'), enabled });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationPreferences) => api.put<NotificationPreferences>('/api/me/notification-preferences', input),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}
