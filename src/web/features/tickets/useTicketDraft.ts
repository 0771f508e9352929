import { useCallback, useEffect, useState } from 'react';
import type { ServiceLineForm } from '../../../contracts/catalog';
import { emptyDraft, isTouched, restoreDraft, type TicketDraft } from './ticketDraft';

// Per tab: a reload keeps the half-filled form, while closing the tab (or a shared computer's
// next user in a new session) does not find someone else's incident text.
const storage = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

const keyOf = (personId: string, serviceLineId: number) => `atende.ticketDraft.${personId}.${serviceLineId}`;

function read(key: string, form: ServiceLineForm): { draft: TicketDraft; restored: boolean } {
  try {
    const raw = storage()?.getItem(key);
    if (raw) {
      const draft = restoreDraft(JSON.parse(raw), form);
      return { draft, restored: isTouched(draft, form) };
    }
  } catch {
    // A damaged entry is treated as no draft.
  }
  return { draft: emptyDraft(form), restored: false };
}

/** The ticket form's values, saved for this person and service line on every change. */
export function useTicketDraft(personId: string, form: ServiceLineForm) {
  const key = keyOf(personId, form.serviceLine.id);
  const [state, setState] = useState(() => read(key, form));

  useEffect(() => {
    try {
      if (isTouched(state.draft, form)) storage()?.setItem(key, JSON.stringify(state.draft));
      else storage()?.removeItem(key);
    } catch {
      // Full or blocked storage: the form still works, it just does not survive a reload.
    }
  }, [key, form, state.draft]);

  const update = useCallback((change: Partial<TicketDraft> | ((draft: TicketDraft) => Partial<TicketDraft>)) => {
    setState((s) => ({ ...s, draft: { ...s.draft, ...(typeof change === 'function' ? change(s.draft) : change) } }));
  }, []);

  /** Back to an empty form, and forgets the saved one (after opening, or on request). */
  const reset = useCallback(() => {
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing stored to forget.
    }
    setState({ draft: emptyDraft(form), restored: false });
  }, [key, form]);

  return { draft: state.draft, restored: state.restored, update, reset };
}
