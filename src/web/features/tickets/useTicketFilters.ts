import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ticketStatuses, type TicketStatus } from '../../../contracts/tickets';
import type { TicketFilters } from './useTickets';

const sorts = ['updated', 'created', 'number'] as const;
const orders = ['desc', 'asc'] as const;

/** As the server sorts when not told: a search newest number first, a list by last update. */
const defaultSort = (q: string | undefined) => (q ? 'number' : 'updated');

/** The URL's filter names; a shared or reloaded address shows the same list. */
export const filterNames = ['status', 'serviceLineId', 'from', 'to', 'q', 'sort', 'order'] as const;
export type FilterName = (typeof filterNames)[number];

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);
const lineId = (value: string | null) => (value && /^\d{1,10}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/** A ticket list's filters read from and written to the query string; anything malformed is ignored. */
export function useTicketFilters(channel?: string) {
  const [params, setParams] = useSearchParams();
  const status = oneOf<TicketStatus>(ticketStatuses, params.get('status'));
  const serviceLineId = lineId(params.get('serviceLineId'));
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

  /** Sets some filters; an empty value (or the default sort and order) leaves the address clean. */
  const set = useCallback(
    (patch: Partial<Record<FilterName, string | null>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(name);
            else next.set(name, value);
          }
          if (next.get('sort') === defaultSort(next.get('q')?.trim())) next.delete('sort');
          if (next.get('order') === 'desc') next.delete('order');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => set(Object.fromEntries(filterNames.map((name) => [name, null]))), [set]);
  const narrowed = Boolean(status || serviceLineId || from || to || q);

  return { filters, search, set, clear, narrowed };
}
