import { Switch, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useNotifyFailure } from '../../ui/notify';

const availabilityKey = ['me', 'availability'] as const;

/** The agent's own switch: available for new tickets of automatic assignment, or away. */
export function AvailabilityToggle() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const failed = useNotifyFailure();
  const query = useQuery({ queryKey: availabilityKey, queryFn: () => api.get<{ available: boolean }>('/api/me/availability') });
  const save = useMutation({
    mutationFn: (available: boolean) => api.put<{ available: boolean }>('/api/me/availability', { available }),
    onSuccess: (saved) => queryClient.setQueryData(availabilityKey, saved),
    onError: failed,
  });
  const available = save.isPending ? save.variables : (query.data?.available ?? true);
  return (
    <Tooltip label={t('live.availability.label')}>
      <Switch
        size="sm"
        color="teal"
        disabled={!query.data}
        checked={available}
        label={available ? t('live.availability.available') : t('live.availability.away')}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
    </Tooltip>
  );
}
