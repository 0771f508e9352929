import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminLookupInput } from '../../../contracts/people';
import { api } from '../../api/client';
import { useTranslate } from '../../app/useTranslate';
import { check, errorText } from '../../ui/forms';

/** The form behind "Não sabe quem é o administrador do portal?" (AdminLookup), downloaded when first opened. */
export function AdminLookupDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({ mutationFn: (value: string) => api.post<{ ok: true }>('/api/portal-admins/lookup', { email: value }) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(adminLookupInput, { email: email.trim() }, translate);
    if (result.errors) return setError(result.errors.email ?? t('validation.email'));
    setError(null);
    send.mutate(result.data.email);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('login.lookup.title')} centered closeButtonProps={{ 'aria-label': t('admin.common.close') }}>
      {send.isSuccess ? (
        <Stack>
          <Alert color="teal" variant="light" icon={<IconMailCheck size={20} aria-hidden />} role="status">
            {t('login.lookup.sent')}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('login.lookup.stillNoAnswer')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('admin.common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('login.lookup.intro')}</Text>
            {send.isError && (
              <Alert color="red" variant="light">
                {errorText(send.error, t('errors.internal'))}
              </Alert>
            )}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('admin.common.cancel')}
              </Button>
              <Button type="submit" loading={send.isPending}>
                {t('login.lookup.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
