import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity, ViewerView } from '../../../contracts/live';
import { api } from '../../api/client';
import { useLiveEvent } from './useLive';

/** A page repeats its presence this often (the server forgets it after 45 s). */
const repeatMs = 15_000;
/** Typing is announced at most this often while keys are pressed… */
const typingEveryMs = 3_000;
/** …and shown this long after the last announcement. */
const typingShownMs = 8_000;
const forgetMs = 45_000;

type Seen = ViewerView & { until: number; typingUntil: number };

/**
 * Who else is on a ticket's page: announces this page (viewing, typing, left) and follows the others'
 * announcements on the event stream. `typing` is called on each keystroke, `idle` once a reply went.
 */
export function usePresence(number: number) {
  const [seen, setSeen] = useState<Map<string, Seen>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const lastTyping = useRef(0);

  const merge = useCallback((viewers: ViewerView[]) => {
    const at = Date.now();
    setSeen((current) => {
      const next = new Map(current);
      for (const v of viewers) next.set(v.id, { ...v, until: at + forgetMs, typingUntil: v.typing ? at + typingShownMs : 0 });
      return next;
    });
  }, []);
  const announce = useCallback(
    (activity: Activity) =>
      api.post<{ viewers: ViewerView[] }>(`/api/tickets/${number}/presence`, { activity }).then(
        (answer) => merge(answer.viewers),
        () => undefined,
      ),
    [number, merge],
  );

  useEffect(() => {
    void announce('viewing');
    const repeat = window.setInterval(() => void announce(Date.now() - lastTyping.current < typingEveryMs ? 'typing' : 'viewing'), repeatMs);
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    // Leaving the page (or the tab): told even as the page goes away.
    const leave = () => void fetch(`/api/tickets/${number}/presence`, { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: '{"activity":"left"}' }).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      window.clearInterval(repeat);
      window.clearInterval(tick);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [announce, number]);

  useLiveEvent('presence', (event) => {
    if (event.number !== number) return;
    const at = Date.now();
    setSeen((current) => {
      const next = new Map(current);
      if (event.activity === 'left') next.delete(event.person.id);
      else {
        next.set(event.person.id, {
          ...event.person,
          typing: event.activity === 'typing',
          until: at + forgetMs,
          typingUntil: event.activity === 'typing' ? at + typingShownMs : 0,
        });
      }
      return next;
    });
  });

  const typing = useCallback(() => {
    if (Date.now() - lastTyping.current < typingEveryMs) return;
    lastTyping.current = Date.now();
    void announce('typing');
  }, [announce]);
  const idle = useCallback(() => {
    lastTyping.current = 0;
    void announce('viewing');
  }, [announce]);

  const viewers = [...seen.values()].filter((v) => v.until > now).map((v) => ({ ...v, typing: v.typingUntil > now }));
  return { viewers, typing, idle };
}
