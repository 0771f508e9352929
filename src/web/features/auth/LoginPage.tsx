import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { LoginInput, MeView } from '../../../contracts/auth';
import { api, formErrors } from '../../api/client';
import { applyLanguage } from '../../app/i18n';
import { PasswordField } from '../../app/PasswordField';
import { safeNext } from '../../app/RequireAuth';
import { AdminLookup } from '../help/AdminLookup';
import { AuthLayout } from './AuthLayout';
import { meKey } from './useMe';

const fieldNames = ['email', 'password'] as const;

/** Sign-in with e-mail and password; returns to the page that asked for it. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<LoginInput>({ email: '', password: '' });
  const [missing, setMissing] = useState<Partial<Record<keyof LoginInput, string>>>({});
  // The development mailbox is linked only where it would open (a demo without SMTP, on this machine).
  const mailbox = useQuery({
    queryKey: ['devMailboxAccess'],
    queryFn: () => api.get<{ open: boolean }>('/api/dev/mailbox/access'),
    staleTime: Infinity,
  });

  const signIn = useMutation({
    mutationFn: (input: LoginInput) => api.post<MeView>('/api/session', input),
    onSuccess: (me) => {
      // Everything cached belonged to whoever used this tab before.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
      applyLanguage(me.language);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const errors = formErrors(signIn.error, fieldNames);

  function submit(event: FormEvent) {
    event.preventDefault();
    const required = t('validation.required');
    const found = {
      email: values.email.trim() ? undefined : required,
      password: values.password ? undefined : required,
    };
    setMissing(found);
    if (found.email || found.password) return signIn.reset();
    signIn.mutate(values);
  }

  return (
    <AuthLayout
      title={t('login.title')}
      footer={
        <Stack gap="xs" align="center">
          <Group gap="lg" justify="center">
            <AdminLookup />
            <Anchor component={Link} to="/help" size="sm">
              {t('login.help')}
            </Anchor>
          </Group>
          {mailbox.data?.open && (
            <Anchor component={Link} to="/dev/mailbox" size="sm" c="dimmed" ta="center">
              {t('nav.mailbox')}
            </Anchor>
          )}
        </Stack>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {errors.alert && <Alert color="red">{errors.alert}</Alert>}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
            error={missing.email ?? errors.fields.email}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
            error={missing.password ?? errors.fields.password}
          />
          <Group justify="space-between" mt="xs">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
