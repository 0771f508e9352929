import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { AuthLayout } from './AuthLayout';
import { meKey } from './useMe';

/**
 * `/undo-email?token=`: the old address undoes a change of e-mail asked by someone else, for 7
 * days; every session of the account ends. A button rather than an automatic call, as on
 * /confirm-email: mail scanners that open links must not spend the token.
 */
export function UndoEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () => api.post('/api/email/undo', { token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
  const badToken = !token || (undo.error instanceof ApiError && undo.error.code === 'invalid_token');

  return (
    <AuthLayout title={t('people.undoEmail.title')}>
      <Stack>
        {undo.isSuccess ? (
          <Alert color="teal" role="status">
            {t('people.undoEmail.done')}
          </Alert>
        ) : badToken ? (
          <Alert color="red">{t('people.undoEmail.invalid')}</Alert>
        ) : (
          <>
            <Text size="sm">{t('people.undoEmail.intro')}</Text>
            {undo.isError && <Alert color="red">{undo.error.message}</Alert>}
            <Button color="red" loading={undo.isPending} onClick={() => undo.mutate()}>
              {t('people.undoEmail.submit')}
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
