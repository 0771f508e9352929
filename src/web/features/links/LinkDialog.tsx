import { Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { ConflictError } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { serverErrors } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { TicketNumberLookup, type FoundTicket } from './TicketNumberLookup';
import { useLinkTicket } from './useLinks';

/** "Vincular": another ticket the agent reads, as related or as the problem this one is an incident of. */
export function LinkDialog({ ticket, opened, onClose }: { ticket: TicketView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useLinkTicket(ticket.number);
  const [revision] = useState(ticket.revision);
  const [other, setOther] = useState<FoundTicket | null>(null);
  const [kind, setKind] = useState<'related' | 'problem'>('related');
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const submit = () => {
    if (!other) return setError(t('validation.required'));
    link.mutate(
      { revision, number: other.number, kind },
      {
        onSuccess: () => {
          notifyDone(t('links.link.done'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ConflictError && e.changed.length) return setAlert(t('closing.dialog.stale'));
          const { fields, alert: text } = serverErrors(e, t('errors.internal'));
          const message = fields.number ?? fields.problemNumber ?? null;
          setError(message);
          setAlert(text ?? (message ? null : Object.values(fields)[0] ?? null));
        },
      },
    );
  };

  return (
    <FormModal opened={opened} onClose={onClose} title={t('links.link.title', { number: ticket.number })} size="lg" onSubmit={submit} alert={alert} saving={link.isPending} submitLabel={t('links.link.submit')}>
      <TicketNumberLookup
        found={other}
        onFound={(found) => {
          setOther(found);
          setError(null);
          setAlert(null);
        }}
        error={error}
      />
      <Radio.Group label={t('links.link.kind')} value={kind} onChange={(v) => setKind(v as 'related' | 'problem')}>
        <Stack gap="xs" mt="xs">
          <Radio value="related" label={t('links.link.kinds.related')} />
          <Radio value="problem" label={t('links.link.kinds.problem')} />
        </Stack>
      </Radio.Group>
    </FormModal>
  );
}
