import { Alert, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { ConflictError } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { serverErrors } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { TicketNumberLookup, type FoundTicket } from './TicketNumberLookup';
import { useMergeTicket } from './useLinks';

/** "Mesclar em…": find the ticket of the same company by number, then merge this duplicate into it. */
export function MergeDialog({ ticket, opened, onClose }: { ticket: TicketView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const merge = useMergeTicket(ticket.number);
  const [revision] = useState(ticket.revision);
  const [target, setTarget] = useState<FoundTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const otherCompany = target !== null && target.company.id !== ticket.company.id;
  const refusal = !target
    ? null
    : target.number === ticket.number
      ? t('links.errors.same')
      : otherCompany
        ? t('links.merge.otherCompany', { number: target.number })
        : target.status === 'closed'
          ? t('links.merge.closed', { number: target.number })
          : null;

  const submit = () => {
    if (!target) return setError(t('validation.required'));
    if (refusal) return;
    merge.mutate(
      { revision, targetNumber: target.number },
      {
        onSuccess: () => {
          notifyDone(t('links.merge.done', { number: target.number }));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ConflictError && e.changed.length) return setAlert(t('closing.dialog.stale'));
          const { fields, alert: text } = serverErrors(e, t('errors.internal'));
          setError(fields.targetNumber ?? null);
          setAlert(text ?? (fields.targetNumber ? null : Object.values(fields)[0] ?? null));
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('links.merge.title', { number: ticket.number })}
      size="lg"
      onSubmit={submit}
      alert={alert}
      saving={merge.isPending}
      submitLabel={target && !refusal ? t('links.merge.submit', { number: target.number }) : t('links.merge.action')}
      note={
        <Text size="sm" c="dimmed">
          {t('links.merge.intro')}
        </Text>
      }
    >
      <TicketNumberLookup
        found={target}
        onFound={(found) => {
          setTarget(found);
          setError(null);
          setAlert(null);
        }}
        error={error}
      />
      {refusal && (
        <Alert color="orange" variant="light" role="alert">
          {refusal}
        </Alert>
      )}
    </FormModal>
  );
}
