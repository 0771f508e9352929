import { createContext, useContext, useEffect, useRef } from 'react';
import type { LiveEvents } from '../../../contracts/live';

/** Subscribes to one kind of event of the tab's stream; returns the unsubscription. */
export type LiveBus = { on: <E extends keyof LiveEvents>(event: E, listener: (data: LiveEvents[E]) => void) => () => void };

export const LiveContext = createContext<LiveBus | null>(null);

/** Calls `listener` with each event of that kind the stream brings while the component is on screen. */
export function useLiveEvent<E extends keyof LiveEvents>(event: E, listener: (data: LiveEvents[E]) => void) {
  const bus = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => bus?.on(event, (data) => latest.current(data)), [bus, event]);
}
