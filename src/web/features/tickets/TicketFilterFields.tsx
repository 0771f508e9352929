import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../contracts/tickets';

/** Service lines offered by the line filter: flat, or grouped by channel. */
export type LineOptions = { value: string; label: string }[] | { group: string; items: { value: string; label: string }[] }[];

/** The search box of a ticket list: a number or words. */
export function TicketSearchField({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      label={t('ticketList.search')}
      placeholder={t('ticketList.searchPlaceholder')}
      description={t('ticketList.searchHint')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The status filter: one of `statuses`, or all. */
export function StatusFilter({ statuses, value, onChange }: { statuses: readonly TicketStatus[]; value: string | null; onChange: (status: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('tickets.fields.status')}
      placeholder={t('ticketList.allStatuses')}
      clearable
      clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
      data={statuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
      value={value}
      onChange={onChange}
    />
  );
}

/** The service line filter: one line, or all. */
export function ServiceLineFilter({ lines, value, onChange }: { lines: LineOptions; value: number | undefined; onChange: (lineId: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('tickets.fields.serviceLine')}
      placeholder={t('ticketList.allLines')}
      clearable
      clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
      data={lines}
      // Options exist only while open: the line names are not repeated, hidden, on the page.
      comboboxProps={{ keepMounted: false }}
      value={value ? String(value) : null}
      onChange={onChange}
    />
  );
}

/** The line under the filters: what the list holds (announced to screen readers), and a way to clear the filters in use. */
export function FilterSummary({ status, narrowed, onClear }: { status: ReactNode; narrowed: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mih={28}>
      <Text size="sm" c="dimmed" role="status">
        {status}
      </Text>
      {narrowed && (
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          {t('ticketList.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
