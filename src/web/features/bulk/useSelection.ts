import { useCallback, useMemo, useState } from 'react';

/** A row of a list as a selection keeps it: its number and the revision it was read in. */
export type Selectable = { number: number; revision?: number };

/**
 * The tickets checked in a list, each with the revision it had when it was checked (a bulk action
 * sends it back, so that a ticket changed since is reported, not overwritten). A click checks one;
 * with Shift, every row from the last one checked to it, in the list's order.
 */
export function useSelection(rows: readonly Selectable[]) {
  const [selected, setSelected] = useState<ReadonlyMap<number, number>>(new Map());
  const [anchor, setAnchor] = useState<number | null>(null);

  const toggle = useCallback(
    (row: Selectable, range = false) => {
      setSelected((current) => {
        const next = new Map(current);
        const from = range && anchor !== null ? rows.findIndex((r) => r.number === anchor) : -1;
        const to = rows.findIndex((r) => r.number === row.number);
        if (from >= 0 && to >= 0) {
          for (const r of rows.slice(Math.min(from, to), Math.max(from, to) + 1)) if (r.revision !== undefined && !next.has(r.number)) next.set(r.number, r.revision);
        } else if (next.has(row.number)) next.delete(row.number);
        else if (row.revision !== undefined) next.set(row.number, row.revision);
        return next;
      });
      setAnchor(row.number);
    },
    [rows, anchor],
  );

  /** Checks every row shown, or unchecks them all when they all are. */
  const togglePage = useCallback(() => {
    setSelected((current) => {
      const all = rows.length > 0 && rows.every((r) => current.has(r.number));
      const next = new Map(current);
      for (const r of rows) {
        if (all) next.delete(r.number);
        else if (r.revision !== undefined && !next.has(r.number)) next.set(r.number, r.revision);
      }
      return next;
    });
  }, [rows]);

  const clear = useCallback(() => setSelected(new Map()), []);
  /** Keeps checked only these (the rows a bulk action could not change). */
  const keepOnly = useCallback((numbers: number[]) => setSelected((current) => new Map([...current].filter(([n]) => numbers.includes(n)))), []);

  const pageState = useMemo(() => {
    const checked = rows.filter((r) => selected.has(r.number)).length;
    return checked === 0 ? 'none' : checked === rows.length ? 'all' : 'some';
  }, [rows, selected]);

  return {
    count: selected.size,
    has: (number: number) => selected.has(number),
    /** The rows as a bulk action sends them. */
    rows: () => [...selected].map(([number, revision]) => ({ number, revision })),
    toggle,
    togglePage,
    pageState,
    clear,
    keepOnly,
  };
}
export type Selection = ReturnType<typeof useSelection>;
