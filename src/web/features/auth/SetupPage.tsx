import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { passwordMinLength } from '../../../contracts/auth';
import { ApiError, api, formErrors } from '../../api/client';
import { PasswordField } from '../../app/PasswordField';
import { AuthLayout } from './AuthLayout';

const fieldNames = ['name', 'email', 'password'] as const;
type Values = Record<(typeof fieldNames)[number], string>;

/** First run: the one-time link printed by the server creates the first system administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const [values, setValues] = useState<Values>({ name: '', email: '', password: '' });
  const [local, setLocal] = useState<Partial<Values>>({});
  const create = useMutation({ mutationFn: (input: Values) => api.post('/api/setup', { token, ...input }) });
  const errors = formErrors(create.error, fieldNames);
  const badToken = !token || (create.error instanceof ApiError && create.error.code === 'invalid_token');

  function submit(event: FormEvent) {
    event.preventDefault();
    const required = t('validation.required');
    const found: Partial<Values> = {};
    if (!values.name.trim()) found.name = required;
    if (!values.email.trim()) found.email = required;
    if (values.password.length < passwordMinLength) found.password = t('validation.passwordTooShort', { min: passwordMinLength });
    setLocal(found);
    if (Object.keys(found).length) return create.reset();
    create.mutate({ ...values, name: values.name.trim(), email: values.email.trim() });
  }

  const field = (name: keyof Values) => ({
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.currentTarget.value }),
    error: local[name] ?? errors.fields[name],
  });

  if (create.isSuccess || badToken) {
    return (
      <AuthLayout title={t('setup.title')}>
        <Stack>
          {create.isSuccess ? <Alert color="teal">{t('setup.done')}</Alert> : <Alert color="red">{t('setup.invalidToken')}</Alert>}
          <Anchor component={Link} to="/login">
            {t('nav.toLogin')}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('setup.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('setup.intro')}</Text>
          {errors.alert && <Alert color="red">{errors.alert}</Alert>}
          <TextInput label={t('setup.name')} autoComplete="name" {...field('name')} />
          <TextInput label={t('setup.email')} type="email" autoComplete="email" {...field('email')} />
          <PasswordField label={t('setup.password')} autoComplete="new-password" {...field('password')} />
          <Button type="submit" loading={create.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
