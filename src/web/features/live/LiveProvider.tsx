import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { LiveEvents } from '../../../contracts/live';
import type { TicketView } from '../../../contracts/tickets';
import { ticketsKey } from '../tickets/useTickets';
import { LiveContext, type LiveBus } from './useLive';
import { notificationsKey } from '../notifications/useNotifications';

/** Lists and counts are read again at most this often while changes keep coming (the first change at once). */
const listsEveryMs = 1000;
const eventNames = ['ready', 'ticket', 'presence', 'notification', 'resync'] as const;

/**
 * The signed-in person's event stream (`GET /api/live`), one per tab: a ticket's change refreshes
 * that ticket where it is shown and, at most once a second, the lists and the workspace's counts;
 * the unread notifications follow their count; after a reconnection everything is read afresh.
 * Pages listen to the rest (presence) with `useLiveEvent`. The browser reconnects by itself.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const listeners = useRef(new Map<keyof LiveEvents, Set<(data: never) => void>>());

  useEffect(() => {
    const source = new EventSource('/api/live');
    let opened = false;
    let timer: number | undefined;
    let last = 0;
    const refreshLists = () => {
      if (timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        last = Date.now();
        void queryClient.invalidateQueries({ queryKey: ticketsKey, predicate: (q) => q.queryKey[1] !== 'one' });
      }, Math.max(0, last + listsEveryMs - Date.now()));
    };
    const on = <E extends keyof LiveEvents>(event: E, data: LiveEvents[E]) => {
      if (event === 'ticket') {
        const { number, revision } = data as LiveEvents['ticket'];
        // A change this tab made itself is in its cache already.
        const shown = queryClient.getQueriesData<TicketView>({ queryKey: [...ticketsKey, 'one', number] });
        if (revision === undefined || shown.some(([, view]) => !view || view.revision < revision)) {
          void queryClient.invalidateQueries({ queryKey: [...ticketsKey, 'one', number] });
        }
        refreshLists();
      } else if (event === 'notification') {
        void queryClient.invalidateQueries({ queryKey: notificationsKey });
      } else if (event === 'resync' || (event === 'ready' && opened)) {
        void queryClient.invalidateQueries({ queryKey: ticketsKey });
        void queryClient.invalidateQueries({ queryKey: notificationsKey });
      }
      if (event === 'ready') opened = true;
      for (const listener of listeners.current.get(event) ?? []) (listener as (d: LiveEvents[E]) => void)(data);
    };
    for (const name of eventNames) source.addEventListener(name, (message) => on(name, JSON.parse((message as MessageEvent<string>).data)));
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [queryClient]);

  const bus = useMemo<LiveBus>(
    () => ({
      on(event, listener) {
        const set = listeners.current.get(event) ?? new Set();
        listeners.current.set(event, set);
        set.add(listener as (data: never) => void);
        return () => void set.delete(listener as (data: never) => void);
      },
    }),
    [],
  );
  return <LiveContext.Provider value={bus}>{children}</LiveContext.Provider>;
}
