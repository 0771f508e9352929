import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MeView } from '../../../contracts/auth';
import { api } from '../../api/client';
import { applyLanguage } from '../../app/i18n';

export const meKey = ['me'] as const;

/** The signed-in person; the query fails with a 401 ApiError when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api.get<MeView>('/api/me') });
}

/** Once signed in, the person's saved language wins over this browser's choice. */
export function useMeLanguage(me: MeView | undefined) {
  const language = me?.language;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
}
