import { Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { api, ApiError } from '../../api/client';
import { StatusBadge } from '../tickets/TicketBadges';

/** A ticket found by its number, as the agent reads it (undefined: none they may read). */
export type FoundTicket = Pick<TicketView, 'number' | 'summary' | 'status' | 'company'>;

/** "Número do chamado" and "Buscar": looks the ticket up as the agent reads it, and shows what was found. */
export function TicketNumberLookup({ found, onFound, error }: { found: FoundTicket | null; onFound: (ticket: FoundTicket | null) => void; error?: string | null }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState<number | string>('');
  const [missing, setMissing] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  const find = async () => {
    if (typeof number !== 'number') return setMissing(t('validation.required'));
    setLooking(true);
    try {
      const ticket = await api.get<TicketView>(`/api/tickets/${number}`);
      onFound({ number: ticket.number, summary: ticket.summary, status: ticket.status, company: ticket.company });
      setMissing(null);
    } catch (e) {
      onFound(null);
      setMissing(e instanceof ApiError && e.status === 404 ? t('links.notFound', { number }) : e instanceof Error ? e.message : t('errors.internal'));
    } finally {
      setLooking(false);
    }
  };

  return (
    <>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <NumberInput
          label={t('links.number')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          data-autofocus
          value={number}
          onChange={(v) => {
            setNumber(v);
            setMissing(null);
            onFound(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void find();
            }
          }}
          error={missing ?? error}
          style={{ flex: 1 }}
        />
        <Button variant="default" mt={25} loading={looking} onClick={() => void find()}>
          {t('links.find')}
        </Button>
      </Group>
      {found && (
        <Paper withBorder p="sm" aria-live="polite">
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              #{found.number} — {found.summary}
            </Text>
            <StatusBadge status={found.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {found.company.name}
          </Text>
        </Paper>
      )}
    </>
  );
}
