import { Alert, Button, Code, DataList, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, useMatches } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInbox, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { testMailInput } from '../../../contracts/admin';
import { fieldLabel } from '../../app/FieldLabel';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { useMe } from '../auth/useMe';
import { FailedMails } from './FailedMails';
import { check, errorText, serverErrors } from '../../ui/forms';
import { FormAlert } from '../../ui/FormModal';
import { Loaded } from '../../ui/ListStates';
import { PageHeader } from '../../ui/Page';
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
    <Stack gap="lg">
      <PageHeader
        title={t('admin.mail.title')}
        description={t('admin.mail.intro')}
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={settings.isFetching} onClick={() => void settings.refetch()}>
            {t('admin.mail.refresh')}
          </Button>
        }
      />
      <Loaded query={settings}>
        {(s) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mail-settings">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="mail-settings">
                    {t('admin.mail.settings')}
                  </Title>
                  <DataList labelWidth={210} withDivider orientation={orientation}>
                    <DataList.Item>
                      <DataList.ItemLabel>{t('admin.mail.smtp')}</DataList.ItemLabel>
                      <DataList.ItemValue>{s.smtpUrl ? <Code>{s.smtpUrl}</Code> : <Text size="sm">{t('admin.mail.noSmtp')}</Text>}</DataList.ItemValue>
                    </DataList.Item>
                    <DataList.Item>
                      <DataList.ItemLabel>{t('admin.mail.from')}</DataList.ItemLabel>
                      <DataList.ItemValue>
                        <Code>{s.from}</Code>
                      </DataList.ItemValue>
                    </DataList.Item>
                    <DataList.Item>
                      <DataList.ItemLabel>{t('admin.mail.publicUrl')}</DataList.ItemLabel>
                      <DataList.ItemValue>
                        <Code>{s.publicUrl}</Code>
                      </DataList.ItemValue>
                    </DataList.Item>
                  </DataList>
                  <Text size="xs" c="dimmed">
                    {t('admin.mail.configNote')}
                  </Text>
                </Stack>
              </Paper>
              <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mail-outbox">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="mail-outbox">
                    {t('admin.mail.outbox')}
                  </Title>
                  <SimpleGrid cols={3} spacing="sm">
                    {(['pending', 'sent', 'failed'] as const).map((k) => (
                      <Paper key={k} withBorder p="sm" radius="md" bg={k === 'failed' && s.outbox.failed > 0 ? 'red.0' : undefined}>
                        <Text fz={26} fw={700} lh={1.1} c={k === 'failed' && s.outbox.failed > 0 ? 'red.9' : undefined}>
                          {s.outbox[k].toLocaleString(currentLanguage())}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t(`admin.mail.counts.${k}`)}
                        </Text>
                      </Paper>
                    ))}
                  </SimpleGrid>
                  {s.outbox.failed > 0 && (
                    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
                      {t('admin.mail.failedNote')}
                    </Alert>
                  )}
                </Stack>
              </Paper>
            </SimpleGrid>
            <FailedMails mails={s.failedMails} />
          </>
        )}
      </Loaded>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mail-test" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4" id="mail-test">
              {t('admin.mail.test')}
            </Title>
            <Text size="sm">{t('admin.mail.testIntro')}</Text>
            <Group align="flex-start" gap="sm">
              <TextInput
                label={fieldLabel(t('admin.mail.to'), true)}
                required
                withAsterisk={false}
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
      </Paper>
    </Stack>
  );
}
