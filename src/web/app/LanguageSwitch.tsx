import { NativeSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../../contracts/auth';
import { isLanguage, languages, type Language } from '../../contracts/languages';
import { api } from '../api/client';
import { meKey } from '../features/auth/useMe';
import { useNotifyFailure } from '../ui/notify';
import { applyLanguage, currentLanguage } from './i18n';

/** Changes the interface language; when signed in, also saves it on the person. */
export function useLanguageSwitch() {
  const queryClient = useQueryClient();
  const failed = useNotifyFailure();
  const save = useMutation({
    mutationFn: (language: Language) => api.patch<MeView>('/api/me', { language }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
    onError: (error) => {
      // The server keeps the old language: show it again so the two agree.
      const me = queryClient.getQueryData<MeView>(meKey);
      if (me) applyLanguage(me.language);
      failed(error);
    },
  });
  return (language: Language) => {
    applyLanguage(language);
    if (queryClient.getQueryData<MeView>(meKey)) save.mutate(language);
  };
}

/** The language picker of the header and of the pages before sign-in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const switchTo = useLanguageSwitch();
  return (
    // The browser's own list: nothing to download before sign-in, and the phone's native picker.
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      w={170}
      value={currentLanguage()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) switchTo(value);
      }}
      data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
