import { useEffect, useMemo, useRef } from 'react';

/**
 * One shortcut of a page: the keys that run it, as `KeyboardEvent.key` names them ("j",
 * "ArrowDown", "Enter", "?", "*") or a letter with Shift ("Shift+x"); what it does, in words, for
 * the `?` help; and its handler, which returns false to leave the key to the browser (Enter on a
 * focused link) or to say it does nothing now.
 */
export type Shortcut = { keys: string[]; label: string; run: (event: KeyboardEvent) => void | false };

/** One line of the help: the keys (any of them works) and what they do. */
export type ShortcutHelpItem = { keys: string[]; label: string };

/** True while the person types somewhere, or a dialog or menu has the keyboard. */
function busy(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (target.closest('[role="dialog"], [role="listbox"], [role="menu"]')) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/** The name a key press goes by here: a letter in lower case, with "Shift+" when Shift makes it upper case. */
export function keyName(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): string {
  const { key } = event;
  if (key.length === 1 && key.toLowerCase() !== key.toUpperCase()) return event.shiftKey ? `Shift+${key.toLowerCase()}` : key.toLowerCase();
  return key;
}

/**
 * The page's single-key shortcuts, one list that both answers the keys and feeds the `?` help, so
 * the help lists every shortcut there is and only those. They never fire while typing in a field,
 * with Ctrl, Alt or Meta held (Ctrl+R still reloads), or while a dialog is open. The keys answered
 * are also on `<body data-shortcuts>`, which the browser tests compare with the help.
 */
export function useShortcuts(shortcuts: Shortcut[], enabled = true): ShortcutHelpItem[] {
  // The latest handlers, without re-adding the listener on every render.
  const current = useRef(shortcuts);
  current.current = shortcuts;
  const signature = shortcuts.flatMap((s) => s.keys).join(' ');
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (busy(event)) return;
      const name = keyName(event);
      const shortcut = current.current.find((s) => s.keys.includes(name));
      if (!shortcut) return;
      if (shortcut.run(event) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    document.body.dataset.shortcuts = signature;
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      delete document.body.dataset.shortcuts;
    };
  }, [enabled, signature]);
  const labels = shortcuts.map((s) => s.label).join('\n');
  // The help changes with its keys and labels only, not with each render's new handlers.
  return useMemo(() => current.current.map((s) => ({ keys: s.keys, label: s.label })), [signature, labels]);
}
