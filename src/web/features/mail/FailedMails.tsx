import { Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../app/format';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { useResendMail, type FailedMail } from './useMailAdmin';

/** The latest mails given up: whom, what, the SMTP server's answer, when, and "send again" for each. */
export function FailedMails({ mails }: { mails: FailedMail[] }) {
  const { t } = useTranslation();
  const resend = useResendMail();
  const notifyFailure = useNotifyFailure();
  if (!mails.length) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="mail-failed">
      <div>
        <Title order={2} size="h4" id="mail-failed">
          {t('admin.mail.failedList')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.mail.failedListIntro')}
        </Text>
      </div>
      <DataTable
        minWidth={760}
        labelledBy="mail-failed"
        columns={[
          { label: t('admin.mail.to') },
          { label: t('admin.mail.subject') },
          { label: t('admin.mail.error') },
          { label: t('admin.mail.when') },
          { label: t('admin.common.actions'), width: 150 },
        ]}
      >
        {mails.map((mail) => (
          <Table.Tr key={mail.id}>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {mail.to}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{mail.subject}</Text>
            </Table.Td>
            <Table.Td>{mail.error ? <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{mail.error}</Code> : '—'}</Table.Td>
            <Table.Td>
              <Text size="sm">{mail.at ? formatDateTime(mail.at) : '—'}</Text>
            </Table.Td>
            <Table.Td>
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
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
