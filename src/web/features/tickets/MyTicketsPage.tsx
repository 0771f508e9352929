import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { useChannels } from '../catalog/useChannels';
import { lineOptions } from './TicketFilterFields';
import { TicketList } from './TicketList';

/** `/tickets` ("Meus chamados"): every ticket the person may read, across all channels. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.myTickets'));
  const channels = useChannels();
  const lines = lineOptions(channels.data);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} id="my-tickets">
          {t('nav.myTickets')}
        </Title>
        <Text c="dimmed">{t('ticketList.intro')}</Text>
      </div>
      <TicketList lines={lines} headingId="my-tickets" />
    </Stack>
  );
}
