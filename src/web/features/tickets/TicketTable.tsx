import { Anchor, Table, Text, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketSummaryView } from '../../../contracts/tickets';
import { DataTable, type Column } from '../../ui/DataTable';
import { CriticalityBadge, StatusBadge } from './TicketBadges';

/**
 * Tickets as a table: number, summary (the link to the ticket), service line, status, criticality
 * and a last column about time. Agents' queues give the company a column of its own; elsewhere it
 * follows the requester under the summary. `sort` marks the column the list is sorted by.
 */
export function TicketTable({
  tickets,
  labelledBy,
  minWidth,
  companyColumn = false,
  sort,
  time,
  rowProps,
  onLinkFocus,
  className,
}: {
  tickets: TicketSummaryView[];
  labelledBy?: string;
  minWidth: number;
  companyColumn?: boolean;
  sort?: { number?: Column['sort']; time?: Column['sort'] };
  time: { label: string; render: (ticket: TicketSummaryView) => ReactNode };
  rowProps?: (ticket: TicketSummaryView) => TableTrProps;
  onLinkFocus?: (number: number) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const columns: Column[] = [
    // The company's own column takes room from the number and the summary.
    { label: t('tickets.fields.number'), width: companyColumn ? 80 : 90, sort: sort?.number },
    { label: t('tickets.fields.summary') },
    ...(companyColumn ? [{ label: t('tickets.fields.company') }] : []),
    { label: t('tickets.fields.serviceLine') },
    { label: t('tickets.fields.status') },
    { label: t('tickets.fields.criticality') },
    { label: time.label, sort: sort?.time },
  ];
  return (
    <DataTable columns={columns} minWidth={minWidth} labelledBy={labelledBy} className={className}>
      {tickets.map((ticket) => (
        <Table.Tr key={ticket.number} {...rowProps?.(ticket)}>
          <Table.Td>
            <Text size="sm" fw={600} ff="monospace">
              #{ticket.number}
            </Text>
          </Table.Td>
          <Table.Td maw={companyColumn ? 380 : 420}>
            <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm" lineClamp={2} onFocus={onLinkFocus && (() => onLinkFocus(ticket.number))}>
              {ticket.summary}
            </Anchor>
            <Text size="xs" c="dimmed">
              {companyColumn ? ticket.requester.name : `${ticket.requester.name} · ${ticket.company.name}`}
            </Text>
          </Table.Td>
          {companyColumn && (
            <Table.Td>
              <Text size="sm">{ticket.company.name}</Text>
            </Table.Td>
          )}
          <Table.Td>
            <Text size="sm">{ticket.serviceLine.name}</Text>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={ticket.status} />
          </Table.Td>
          <Table.Td>
            <CriticalityBadge level={ticket.criticality} />
          </Table.Td>
          <Table.Td>{time.render(ticket)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
