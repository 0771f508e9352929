import { List, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { FormModal } from '../../ui/FormModal';
import { serverErrors } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { useReplyToIncidents } from './useLinks';

/** "Responder a todos os incidentes": one public reply on the problem and each of its open incidents. */
export function ReplyAllDialog({ ticket, incidents, opened, onClose }: { ticket: TicketView; incidents: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reply = useReplyToIncidents(ticket.number);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [failures, setFailures] = useState<{ number: number; message: string }[]>([]);

  const submit = () => {
    if (!body.trim()) return setError(t('validation.required'));
    reply.mutate(body, {
      onSuccess: ({ results }) => {
        const failed = results.filter((r) => !r.ok).map((r) => ({ number: r.number, message: r.error?.message ?? '' }));
        notifyDone(t('links.replyAll.done', { ok: results.length - failed.length, failed: failed.length }));
        if (!failed.length) return onClose();
        setFailures(failed);
      },
      onError: (e) => {
        const { fields, alert: text } = serverErrors(e, t('errors.internal'));
        setError(fields.body ?? null);
        setAlert(text);
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('links.replyAll.title', { number: ticket.number })}
      size="lg"
      onSubmit={submit}
      alert={alert}
      saving={reply.isPending}
      submitLabel={t('links.replyAll.submit')}
      note={
        <Text size="sm" c="dimmed">
          {t('links.replyAll.intro', { count: incidents })}
        </Text>
      }
    >
      <Textarea
        label={t('links.replyAll.body')}
        required
        autosize
        minRows={5}
        data-autofocus
        value={body}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setError(null);
        }}
        error={error}
      />
      {failures.length > 0 && (
        <List size="sm" c="red.8" aria-live="polite">
          {failures.map((f) => (
            <List.Item key={f.number}>{t('links.bulk.failed', f)}</List.Item>
          ))}
        </List>
      )}
    </FormModal>
  );
}
