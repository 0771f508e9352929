import { Alert, Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { ConflictError } from '../../api/client';
import { FormModal, requiredField } from '../../ui/FormModal';
import { serverErrors } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { useCloseReasons, useCloseTicket } from './useClosing';

/** "Fechar com motivo": a reason from the administrator's list and an optional public message, sent with the revision seen. */
export function CloseDialog({ ticket, opened, onClose }: { ticket: TicketView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reasons = useCloseReasons(opened);
  const close = useCloseTicket(ticket.number);
  // The revision the agent decided from: a change by someone else meanwhile is refused (409).
  const [revision] = useState(ticket.revision);
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const chosen = reasons.data?.find((r) => String(r.id) === reasonId);

  const submit = () => {
    if (!reasonId) return setErrors({ reasonId: t('validation.required') });
    close.mutate(
      { revision, reasonId: Number(reasonId), ...(message.trim() ? { message } : {}) },
      {
        onSuccess: () => {
          notifyDone(t('closing.dialog.done', { number: ticket.number }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ConflictError && error.changed.length) return setAlert(t('closing.dialog.stale'));
          const { fields, alert: text } = serverErrors(error, t('errors.internal'));
          setErrors(fields);
          setAlert(text);
        },
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('closing.dialog.title', { number: ticket.number })}
      size="lg"
      onSubmit={submit}
      alert={alert}
      saving={close.isPending}
      submitLabel={t('closing.dialog.submit')}
    >
      <Select
        {...requiredField(t('closing.dialog.reason'))}
        data={(reasons.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
        value={reasonId}
        placeholder={t('ticketForm.choose')}
        searchable
        data-autofocus
        onChange={(v) => {
          setReasonId(v);
          setErrors({});
        }}
        error={errors.reasonId}
        comboboxProps={{ withinPortal: true }}
      />
      {chosen && !chosen.notifyCustomer && (
        <Alert color="gray" variant="light">
          {t('closing.dialog.silent')}
        </Alert>
      )}
      <Textarea
        label={t('closing.dialog.message')}
        description={t('closing.dialog.messageHelp')}
        autosize
        minRows={3}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={errors.message}
      />
    </FormModal>
  );
}
