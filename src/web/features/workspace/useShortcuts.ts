import { useEffect, useRef } from 'react';

/**
 * A key as `KeyboardEvent.key` names it ("j", "ArrowDown", "Enter", "?"), and what it does; a
 * handler that returns false leaves the key to the browser (Enter on a focused link).
 */
export type Shortcuts = Partial<Record<string, (event: KeyboardEvent) => void | false>>;

/** True while the person types somewhere, or a dialog or menu has the keyboard. */
function busy(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (target.closest('[role="dialog"], [role="listbox"], [role="menu"]')) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/**
 * Single-key shortcuts for the page (j/k, n, r…). They never fire while typing in a field,
 * with a modifier held (Ctrl+R still reloads), or while a dialog is open.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true) {
  // The latest handlers, without re-adding the listener on every render.
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (busy(event)) return;
      const key = event.key.length === 1 && event.key !== '?' ? event.key.toLowerCase() : event.key;
      // Shift only ever makes "?"; Shift+J is not j.
      if (event.shiftKey && key !== '?' && key.length === 1 && key !== event.key) return;
      const handler = current.current[key];
      if (!handler) return;
      if (handler(event) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
