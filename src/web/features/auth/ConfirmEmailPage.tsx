import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { AuthLayout } from './AuthLayout';
import { meKey } from './useMe';

/**
 * `/confirm-email?token=`: the owner of a new address confirms it, and only then does it replace
 * the old one. A button rather than an automatic call: mail scanners that open links must not
 * spend the single-use token.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => api.post('/api/email/confirm', { token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
  const badToken = !token || (confirm.error instanceof ApiError && confirm.error.code === 'invalid_token');

  return (
    <AuthLayout title={t('people.confirmEmail.title')}>
      <Stack>
        {confirm.isSuccess ? (
          <Alert color="teal" role="status">
            {t('people.confirmEmail.done')}
          </Alert>
        ) : badToken ? (
          <Alert color="red">{t('people.confirmEmail.invalid')}</Alert>
        ) : (
          <>
            <Text size="sm">{t('people.confirmEmail.intro')}</Text>
            {confirm.isError && <Alert color="red">{confirm.error.message}</Alert>}
            <Button loading={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('people.confirmEmail.submit')}
            </Button>
          </>
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('nav.toLogin')}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
