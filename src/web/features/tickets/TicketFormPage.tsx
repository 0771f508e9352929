import { Alert, Anchor, Breadcrumbs, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { positiveInt } from '../../app/format';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { useMe } from '../auth/useMe';
import { TicketForm } from './TicketForm';
import { useServiceLineForm } from './useTickets';

/** `/channels/:key/lines/:serviceLineId/new`: the ticket form of one service line, in the centre. */
export function TicketFormPage() {
  const { t } = useTranslation();
  const { serviceLineId } = useParams();
  const id = positiveInt(serviceLineId);
  const me = useMe().data;
  const form = useServiceLineForm(id);
  const line = form.data?.serviceLine;
  const missing = id === undefined || (form.error instanceof ApiError && form.error.status === 404);
  usePageTitle(line ? t('ticketForm.title', { line: line.name }) : missing ? t('ticketForm.lineNotFound') : undefined);

  if (missing) {
    return (
      <Stack gap="sm">
        <Title order={1}>{t('ticketForm.lineNotFound')}</Title>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
      </Stack>
    );
  }
  if (form.isError) return <Alert color="red">{form.error.message}</Alert>;
  if (!form.data || !me) return <PageLoader />;

  return (
    <Container size={880} px={0}>
      <Stack gap="lg">
        <Stack gap={6}>
          {/* Not a nav landmark: the left menu stays the page's one navigation. */}
          <Breadcrumbs separator="›">
            <Anchor component={Link} to={`/channels/${line!.channelKey}`} size="sm">
              {line!.channelName}
            </Anchor>
            <Text size="sm" c="dimmed" aria-current="page">
              {line!.name}
            </Text>
          </Breadcrumbs>
          <Title order={1}>{t('ticketForm.title', { line: line!.name })}</Title>
          <Text c="dimmed">{t('ticketForm.intro')}</Text>
        </Stack>
        {/* A new line is a new form: its own saved draft, nothing carried over. */}
        <TicketForm key={form.data.serviceLine.id} form={form.data} me={me} />
      </Stack>
    </Container>
  );
}
