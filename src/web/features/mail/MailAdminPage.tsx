import { Alert, Button, Code, DataList, Group, SimpleGrid, Stack, Text, TextInput, useMatches } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInbox, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { testMailInput } from '../../../contracts/admin';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { CountTile } from '../../ui/CountTile';
import { FormAlert, requiredField } from '../../ui/FormModal';
import { check, errorText, serverErrors } from '../../ui/forms';
import { Loaded } from '../../ui/ListStates';
import { Page, Panel } from '../../ui/Page';
import { useMe } from '../auth/useMe';
import { FailedMails } from './FailedMails';
import { useMailSettings, useTestMail } from './useMailAdmin';

/** `/admin/mail`: how the server sends mail (from its configuration), the outbox with its failed mails, and a test mail. */
export function MailAdminPage() {
  const { t } = useTranslation();
  // On a phone each setting's value goes below its label: side by side the values had no room.
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });
  const translate = useTranslate();
  const me = useMe().data;
  const settings = useMailSettings();
  const test = useTestMail();
  const [to, setTo] = useState(me?.email ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(testMailInput, { to }, translate);
    if (result.errors) return setError(result.errors.to ?? null);
    setError(null);
    test.mutate(result.data.to, { onError: (e) => setError(serverErrors(e, '').fields.to ?? null) });
  }

  return (
    <Page
      title={t('admin.mail.title')}
      description={t('admin.mail.intro')}
      actions={
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={settings.isFetching} onClick={() => void settings.refetch()}>
          {t('admin.mail.refresh')}
        </Button>
      }
    >
      <Loaded query={settings}>
        {(s) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Panel id="mail-settings" title={t('admin.mail.settings')}>
                <DataList labelWidth={210} withDivider orientation={orientation}>
                  {[
                    { label: t('admin.mail.smtp'), value: s.smtpUrl ? <Code>{s.smtpUrl}</Code> : <Text size="sm">{t('admin.mail.noSmtp')}</Text> },
                    { label: t('admin.mail.from'), value: <Code>{s.from}</Code> },
                    { label: t('admin.mail.publicUrl'), value: <Code>{s.publicUrl}</Code> },
                  ].map((item) => (
                    <DataList.Item key={item.label}>
                      <DataList.ItemLabel>{item.label}</DataList.ItemLabel>
                      <DataList.ItemValue>{item.value}</DataList.ItemValue>
                    </DataList.Item>
                  ))}
                </DataList>
                <Text size="xs" c="dimmed">
                  {t('admin.mail.configNote')}
                </Text>
              </Panel>
              <Panel id="mail-outbox" title={t('admin.mail.outbox')}>
                <SimpleGrid cols={3} spacing="sm">
                  {(['pending', 'sent', 'failed'] as const).map((k) => (
                    <CountTile key={k} padding="sm" size={26} value={s.outbox[k].toLocaleString(currentLanguage())} label={t(`admin.mail.counts.${k}`)} alarming={k === 'failed' && s.outbox.failed > 0} />
                  ))}
                </SimpleGrid>
                {s.outbox.failed > 0 && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
                    {t('admin.mail.failedNote')}
                  </Alert>
                )}
              </Panel>
            </SimpleGrid>
            <FailedMails mails={s.failedMails} />
          </>
        )}
      </Loaded>

      <Panel id="mail-test" title={t('admin.mail.test')} maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('admin.mail.testIntro')}</Text>
            <Group align="flex-start" gap="sm">
              <TextInput
                {...requiredField(t('admin.mail.to'))}
                type="email"
                value={to}
                onChange={(e) => {
                  setTo(e.currentTarget.value);
                  setError(null);
                }}
                error={error}
                style={{ flex: '1 1 280px' }}
              />
              <Button type="submit" mt={25} leftSection={<IconSend size={16} aria-hidden />} loading={test.isPending}>
                {t('admin.mail.send')}
              </Button>
            </Group>
            <div role="status">
              {test.isError && !error && <FormAlert message={errorText(test.error, t('errors.internal'))} />}
              {test.data &&
                (test.data.delivered ? (
                  <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />}>
                    {t('admin.mail.delivered', { to: test.variables })}
                  </Alert>
                ) : test.data.error ? (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('admin.mail.failed')}>
                    <Code block>{test.data.error}</Code>
                  </Alert>
                ) : (
                  <Alert color="blue" variant="light" icon={<IconInbox size={18} aria-hidden />}>
                    {t('admin.mail.queued')}
                  </Alert>
                ))}
            </div>
          </Stack>
        </form>
      </Panel>
    </Page>
  );
}
