import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummaryView } from '../../../contracts/tickets';
import { ListStates, type ListQuery } from '../../ui/ListStates';
import { useWide } from '../../ui/useWide';
import { TicketCards, type TicketCardOptions } from './TicketCards';
import { TicketTable, type TicketTableOptions } from './TicketTable';

/**
 * A list of tickets in its states (loading, failed, empty, more to load): a table from a tablet's
 * width up, cards below it, where a table's columns would scroll out of sight.
 */
export function TicketResults({
  query,
  tickets,
  labelledBy,
  empty,
  table,
  cards,
}: {
  query: ListQuery;
  tickets: TicketSummaryView[];
  labelledBy?: string;
  empty: { icon: ReactNode; color?: string; text: string };
  table: TicketTableOptions;
  cards: TicketCardOptions;
}) {
  const { t } = useTranslation();
  const wide = useWide('md');
  return (
    <ListStates query={query} empty={tickets.length === 0} emptyIcon={empty.icon} emptyColor={empty.color} emptyText={empty.text} loadMoreLabel={t('ticketList.loadMore')}>
      {wide ? <TicketTable tickets={tickets} labelledBy={labelledBy} {...table} /> : <TicketCards tickets={tickets} labelledBy={labelledBy} {...cards} />}
    </ListStates>
  );
}
