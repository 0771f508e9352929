import { useSyncExternalStore } from 'react';

/** One timer for every countdown on the page: the time, refreshed every 30 seconds while anyone listens. */
const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now in ms, the same for every countdown, ticking every 30 seconds. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}
