import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { useChannels } from '../catalog/useChannels';
import { TicketList, type LineOptions } from './TicketList';

/** `/tickets` ("Meus chamados"): every ticket the person may read, across all channels. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.myTickets'));
  const channels = useChannels();
  const lines: LineOptions = (channels.data ?? [])
    .filter((c) => c.serviceLines.length > 0)
    .map((c) => ({ group: c.name, items: c.serviceLines.map((l) => ({ value: String(l.id), label: l.name })) }));

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
