import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** A value from the address when it is one of `list`, else undefined. */
export function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * A list's filters kept in the address, so a reload or a shared link shows the same list: the
 * query string, and `set`, which changes some of them in place (no new history entry). An empty
 * value removes its parameter; `tidy` (a function of the module, not of the render) drops defaults.
 */
export function useUrlFilters<Name extends string>(tidy?: (next: URLSearchParams) => void) {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (patch: Partial<Record<Name, string | null>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(patch) as [string, string | null | undefined][]) {
            if (value === null || value === undefined || value === '') next.delete(name);
            else next.set(name, value);
          }
          tidy?.(next);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, tidy],
  );
  return { params, set };
}
