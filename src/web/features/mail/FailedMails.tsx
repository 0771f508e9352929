import { Button, Code, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { DataTable } from '../../ui/DataTable';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { SectionHeading } from '../../ui/Page';
import { useResendMail, type FailedMail } from './useMailAdmin';

/** The latest mails given up: whom, what, the SMTP server's answer, when, and "send again" for each. */
export function FailedMails({ mails }: { mails: FailedMail[] }) {
  const { t } = useTranslation();
  const resend = useResendMail();
  const notifyFailure = useNotifyFailure();
  if (!mails.length) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="mail-failed">
      <SectionHeading id="mail-failed" size="h4" title={t('admin.mail.failedList')} intro={t('admin.mail.failedListIntro')} />
      <DataTable
        rows={mails}
        labelledBy="mail-failed"
        columns={[
          {
            label: t('admin.mail.to'),
            cell: (mail) => (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {mail.to}
              </Text>
            ),
          },
          { label: t('admin.mail.subject'), cell: (mail) => mail.subject },
          { label: t('admin.mail.error'), cell: (mail) => (mail.error ? <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{mail.error}</Code> : '—') },
          { label: t('admin.mail.when'), cell: (mail) => (mail.at ? formatDateTime(mail.at) : '—') },
          {
            label: t('admin.common.actions'),
            width: 150,
            cell: (mail) => (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconSend size={14} aria-hidden />}
                aria-label={t('admin.mail.resendTo', { to: mail.to })}
                loading={resend.isPending && resend.variables === mail.id}
                onClick={() => resend.mutate(mail.id, { onSuccess: () => notifyDone(t('admin.mail.resent', { to: mail.to })), onError: notifyFailure })}
              >
                {t('admin.mail.resend')}
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}
