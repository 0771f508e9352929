import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ticketListEntry } from '../../../contracts/tickets';
import type { ListColumn } from '../../../contracts/views';
import { formatDateTime } from '../../app/format';
import { DataTable, type Column } from '../../ui/DataTable';
import { SlaCountdown } from '../sla/SlaCountdown';
import { CriticalityBadge, StatusBadge } from '../tickets/TicketBadges';

type Entry = z.infer<typeof ticketListEntry>;

/** A saved view's tickets with the columns it chose, in its order (after `leading`: the checkboxes). */
export function ViewTable({ tickets, columns, label, leading }: { tickets: Entry[]; columns: ListColumn[]; label: string; leading?: Column<Entry> }) {
  const { t, i18n } = useTranslation();
  const cells: Record<ListColumn, (ticket: Entry) => ReactNode> = {
    number: (ticket) => (
      <Text size="sm" fw={600} ff="monospace">
        #{ticket.number}
      </Text>
    ),
    summary: (ticket) => (
      <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm" lineClamp={2}>
        {ticket.summary}
      </Anchor>
    ),
    status: (ticket) => <StatusBadge status={ticket.status} />,
    criticality: (ticket) => <CriticalityBadge level={ticket.criticality} />,
    company: (ticket) => ticket.company.name,
    requester: (ticket) => ticket.requester.name,
    serviceLine: (ticket) => ticket.serviceLine.name,
    module: (ticket) => ticket.module?.name ?? '—',
    group: (ticket) => ticket.group?.name ?? '—',
    assignee: (ticket) => ticket.assignee?.name ?? t('views.nobody'),
    tags: (ticket) => (
      <Group gap={4}>
        {(ticket.tags ?? []).map((tag) => (
          <Badge key={tag} size="sm" variant="light" color="gray" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
    ),
    createdAt: (ticket) => formatDateTime(ticket.createdAt, i18n.language),
    updatedAt: (ticket) => formatDateTime(ticket.updatedAt, i18n.language),
  };
  // The summary is the link to the ticket: a view without it still links each row by its number.
  const linked: ListColumn[] = columns.includes('summary') ? columns : ['summary', ...columns];
  const shown = linked.map((column): Column<Entry> => ({ label: t(`views.columnNames.${column}`), cell: cells[column], ...(column === 'summary' ? { maxWidth: 380 } : {}) }));
  // Agents' rows carry the next SLA due time: every view shows it, after the criticality (or the summary).
  if (tickets.some((ticket) => ticket.slaDue)) {
    const after = linked.includes('criticality') ? linked.indexOf('criticality') : linked.indexOf('summary');
    shown.splice(after + 1, 0, { label: t('slaWeb.column'), cell: (ticket) => <SlaCountdown clock={ticket.slaDue} /> });
  }
  return (
    <DataTable
      rows={tickets}
      rowKey={(ticket) => ticket.number}
      label={label}
      minWidth={Math.max(600, shown.length * 120)}
      columns={[leading ?? false, ...shown]}
    />
  );
}
