import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { passwordMinLength } from '../../../contracts/auth';
import { ApiError, api, formErrors } from '../../api/client';
import { PasswordField } from '../../app/PasswordField';
import { AuthLayout } from './AuthLayout';

type Values = { password: string; confirm: string };

/** Sets a password from a single-use link: a reset request or, later, an invitation. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const [values, setValues] = useState<Values>({ password: '', confirm: '' });
  const [local, setLocal] = useState<Partial<Values>>({});
  const save = useMutation({ mutationFn: (password: string) => api.post('/api/password/set', { token, password }) });
  const errors = formErrors(save.error, ['password'] as const);
  const badToken = !token || (save.error instanceof ApiError && save.error.code === 'invalid_token');

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Values> = {};
    if (values.password.length < passwordMinLength) found.password = t('validation.passwordTooShort', { min: passwordMinLength });
    if (values.confirm !== values.password) found.confirm = t('validation.passwordMismatch');
    setLocal(found);
    if (found.password || found.confirm) return save.reset();
    save.mutate(values.password);
  }

  if (save.isSuccess) {
    return (
      <AuthLayout title={t('reset.title')}>
        <Stack>
          <Alert color="teal">{t('reset.done')}</Alert>
          <Anchor component={Link} to="/login">
            {t('nav.toLogin')}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  if (badToken) {
    return (
      <AuthLayout title={t('reset.title')}>
        <Stack>
          <Alert color="red">{t('reset.invalidToken')}</Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('reset.requestNew')}
          </Anchor>
          <Anchor component={Link} to="/login" size="sm">
            {t('forgot.back')}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('reset.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {errors.alert && <Alert color="red">{errors.alert}</Alert>}
          <PasswordField
            label={t('reset.password')}
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
            error={local.password ?? errors.fields.password}
          />
          <PasswordField
            label={t('reset.confirm')}
            autoComplete="new-password"
            value={values.confirm}
            onChange={(e) => setValues({ ...values, confirm: e.currentTarget.value })}
            error={local.confirm}
          />
          <Button type="submit" loading={save.isPending}>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
