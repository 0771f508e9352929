import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { errorText } from '../../ui/forms';
import { useTicketMutation } from '../tickets/useTickets';
import { TagsField } from './TagsField';

/** A ticket's tags on its page, agents only: each chip added or removed is sent at once, with the revision seen. */
export function TicketTags({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const mutation = useTicketMutation(ticket.number, (input: { add: string[]; remove: string[]; revision: number }) =>
    api.post<TicketView>(`/api/tickets/${ticket.number}/tags`, input),
  );
  const current = ticket.tags ?? [];
  const change = (next: string[]) => {
    const add = next.filter((tag) => !current.includes(tag));
    const remove = current.filter((tag) => !next.includes(tag));
    if (add.length || remove.length) mutation.mutate({ add, remove, revision: ticket.revision });
  };
  return (
    <div data-shortcut="tags">
      <TagsField label={t('tags.label')} placeholder={t('tags.placeholder')} value={current} onChange={change} disabled={mutation.isPending} error={errorText(mutation.error, t('errors.internal')) ?? undefined} />
      <Text size="xs" c="dimmed" mt={4}>
        {t('tags.hint')}
      </Text>
    </div>
  );
}
