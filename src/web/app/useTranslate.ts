import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A translator for keys that are only known at run time (zod issues, catalog-driven labels). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

type Untyped = (key: string, options?: Record<string, unknown>) => string;

/** i18next's `t` without the compile-time key check, for the shared contracts' helpers. */
export function useTranslate(): Translate {
  const { t } = useTranslation();
  return useCallback((key, params) => (t as unknown as Untyped)(key, params), [t]);
}
