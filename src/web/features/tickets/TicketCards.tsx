import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TicketSummaryView } from '../../../contracts/tickets';
import { CriticalityBadge, StatusBadge } from './TicketBadges';
import classes from './TicketCards.module.css';

/** What ticket cards show where they are shown; TicketResults passes it on. */
export type TicketCardOptions = {
  selected?: number | null;
  details: (ticket: TicketSummaryView) => string;
  time: (ticket: TicketSummaryView) => ReactNode;
  /** Before the number, above the card's link (the workspace's checkbox). */
  leading?: (ticket: TicketSummaryView) => ReactNode;
};

/**
 * Tickets for a phone, where a table's columns would scroll out of sight: one card a ticket, the
 * summary as the link (a tap anywhere on the card opens it), who and where below, then the status
 * and the time.
 */
export function TicketCards({ tickets, labelledBy, selected, details, time, leading }: TicketCardOptions & { tickets: TicketSummaryView[]; labelledBy?: string }) {
  return (
    <Stack gap="sm" component="ul" className={classes.cards} aria-labelledby={labelledBy}>
      {tickets.map((ticket) => (
        <Paper component="li" key={ticket.number} withBorder p="sm" data-ticket={ticket.number} data-selected={ticket.number === selected || undefined} className={classes.card}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs" wrap="nowrap">
              {leading && <div className={classes.above}>{leading(ticket)}</div>}
              <Text size="sm" fw={600} ff="monospace">
                #{ticket.number}
              </Text>
            </Group>
            <CriticalityBadge level={ticket.criticality} />
          </Group>
          <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} lineClamp={2} className={classes.cardLink}>
            {ticket.summary}
          </Anchor>
          <Text size="xs" c="dimmed">
            {details(ticket)}
          </Text>
          <Group justify="space-between" gap="xs" mt={6}>
            <StatusBadge status={ticket.status} />
            <Text size="xs" c="dimmed">
              {time(ticket)}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
