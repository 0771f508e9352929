import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What the ticket form turns into once the ticket is open: its number, a link to it, and a way to open another. */
export function TicketOpened({ number, onOpenAnother }: { number: number; onOpenAnother: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form the focus was in is gone: readers and keyboards start again from the news.
  useEffect(() => headingRef.current?.focus(), [number]);
  return (
    <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }} role="status">
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon color="teal" size={64} radius="xl" variant="light">
          <IconCircleCheck size={40} aria-hidden />
        </ThemeIcon>
        <Title order={2} ref={headingRef} tabIndex={-1}>
          {t('ticketForm.opened', { number })}
        </Title>
        <Text maw={520}>{t('ticketForm.openedBody')}</Text>
        <Group justify="center">
          <Button component={Link} to={`/tickets/${number}`}>
            {t('ticketForm.viewTicket', { number })}
          </Button>
          <Button variant="default" onClick={onOpenAnother}>
            {t('ticketForm.openAnother')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
