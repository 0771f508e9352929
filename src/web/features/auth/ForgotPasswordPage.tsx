import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, formErrors } from '../../api/client';
import { AuthLayout } from './AuthLayout';

/** Asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const send = useMutation({ mutationFn: (value: string) => api.post('/api/password/forgot', { email: value }) });
  const errors = formErrors(send.error, ['email'] as const);

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = email.trim() ? undefined : t('validation.required');
    setMissing(empty);
    if (empty) return send.reset();
    send.mutate(email.trim());
  }

  const back = (
    <Anchor component={Link} to="/login" size="sm">
      {t('forgot.back')}
    </Anchor>
  );

  return (
    <AuthLayout title={t('forgot.title')}>
      {send.isSuccess ? (
        <Stack>
          <Alert color="teal">{t('forgot.sent')}</Alert>
          {back}
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('forgot.intro')}</Text>
            {errors.alert && <Alert color="red">{errors.alert}</Alert>}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={missing ?? errors.fields.email}
            />
            <Button type="submit" loading={send.isPending}>
              {t('forgot.submit')}
            </Button>
            {back}
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
