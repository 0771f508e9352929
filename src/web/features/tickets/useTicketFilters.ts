import { useCallback, useMemo } from 'react';
import { ticketStatuses, type TicketStatus } from '../../../contracts/tickets';
import { positiveInt } from '../../app/format';
import { oneOf, useUrlFilters } from '../../ui/useUrlFilters';
import type { TicketFilters } from './useTickets';

/** How "Meus chamados" and a channel's list can be sorted… */
export const sorts = ['updated', 'created', 'number'] as const;
/** …and in which direction. */
export const orders = ['desc', 'asc'] as const;

/** As the server sorts when not told: a search newest number first, a list by last update. */
const defaultSort = (q: string | undefined) => (q ? 'number' : 'updated');

/** The URL's filter names; a shared or reloaded address shows the same list. */
const filterNames = ['status', 'serviceLineId', 'from', 'to', 'q', 'sort', 'order'] as const;
type FilterName = (typeof filterNames)[number];

const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);

/** The default sort and order leave the address clean. */
function tidy(next: URLSearchParams) {
  if (next.get('sort') === defaultSort(next.get('q')?.trim())) next.delete('sort');
  if (next.get('order') === 'desc') next.delete('order');
}

/** A ticket list's filters read from and written to the query string; anything malformed is ignored. */
export function useTicketFilters(channel?: string) {
  const { params, set } = useUrlFilters<FilterName>(tidy);
  const status = oneOf<TicketStatus>(ticketStatuses, params.get('status'));
  const serviceLineId = positiveInt(params.get('serviceLineId') ?? undefined);
  const from = isoDate(params.get('from'));
  const to = isoDate(params.get('to'));
  // The box shows what was typed, spaces and all; the query gets it trimmed.
  const search = params.get('q') ?? '';
  const q = search.trim().slice(0, 200) || undefined;
  const sort = oneOf(sorts, params.get('sort')) ?? defaultSort(q);
  const order = oneOf(orders, params.get('order')) ?? 'desc';

  const filters: TicketFilters = useMemo(
    () => ({ channel, serviceLineId, status, from, to, q, sort, order }),
    [channel, serviceLineId, status, from, to, q, sort, order],
  );

  const clear = useCallback(() => set(Object.fromEntries(filterNames.map((name) => [name, null]))), [set]);
  const narrowed = Boolean(status || serviceLineId || from || to || q);

  return { filters, search, set, clear, narrowed };
}
