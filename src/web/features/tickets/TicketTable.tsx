import { Anchor, Text, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SlaRowView } from '../../../contracts/sla';
import type { TicketSummaryView } from '../../../contracts/tickets';
import { DataTable, type Column } from '../../ui/DataTable';
import { SlaCountdown } from '../sla/SlaCountdown';
import { CriticalityBadge, StatusBadge } from './TicketBadges';

/** What a ticket table looks like where it is shown; TicketResults passes it on. */
export type TicketTableOptions = {
  minWidth: number;
  companyColumn?: boolean;
  /** Agents' lists: the next SLA due time as a countdown (the rows' `slaDue`). */
  sla?: boolean;
  sort?: { number?: Column<TicketSummaryView>['sort']; time?: Column<TicketSummaryView>['sort']; due?: Column<TicketSummaryView>['sort'] };
  time: { label: string; render: (ticket: TicketSummaryView) => ReactNode };
  rowProps?: (ticket: TicketSummaryView) => TableTrProps;
  onLinkFocus?: (number: number) => void;
  className?: string;
  /** A first column before the number (the workspace's checkboxes). */
  leading?: Column<TicketSummaryView>;
};

/**
 * Tickets as a table: number, summary (the link to the ticket), service line, status, criticality
 * and a last column about time. Agents' queues give the company a column of its own; elsewhere it
 * follows the requester under the summary. `sort` marks the column the list is sorted by.
 */
export function TicketTable({ tickets, labelledBy, minWidth, companyColumn = false, sla = false, sort, time, rowProps, onLinkFocus, className, leading }: TicketTableOptions & { tickets: (TicketSummaryView & { slaDue?: SlaRowView })[]; labelledBy?: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      rows={tickets}
      rowKey={(ticket) => ticket.number}
      minWidth={minWidth}
      labelledBy={labelledBy}
      className={className}
      rowProps={rowProps}
      columns={[
        leading ?? false,
        {
          // The company's own column takes room from the number and the summary.
          label: t('tickets.fields.number'),
          width: companyColumn ? 80 : 90,
          sort: sort?.number,
          cell: (ticket) => (
            <Text size="sm" fw={600} ff="monospace">
              #{ticket.number}
            </Text>
          ),
        },
        {
          label: t('tickets.fields.summary'),
          maxWidth: companyColumn ? 380 : 420,
          cell: (ticket) => (
            <>
              <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm" lineClamp={2} onFocus={onLinkFocus && (() => onLinkFocus(ticket.number))}>
                {ticket.summary}
              </Anchor>
              <Text size="xs" c="dimmed">
                {companyColumn ? ticket.requester.name : `${ticket.requester.name} · ${ticket.company.name}`}
              </Text>
            </>
          ),
        },
        companyColumn && { label: t('tickets.fields.company'), cell: (ticket) => ticket.company.name },
        { label: t('tickets.fields.serviceLine'), cell: (ticket) => ticket.serviceLine.name },
        { label: t('tickets.fields.status'), cell: (ticket) => <StatusBadge status={ticket.status} /> },
        { label: t('tickets.fields.criticality'), cell: (ticket) => <CriticalityBadge level={ticket.criticality} /> },
        sla && { label: t('slaWeb.column'), sort: sort?.due, cell: (ticket) => <SlaCountdown clock={ticket.slaDue} /> },
        { label: time.label, sort: sort?.time, cell: time.render },
      ]}
    />
  );
}
