import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../../contracts/auth';
import { isLanguage, languages, type Language } from '../../contracts/i18n';
import { ApiError, api } from '../api/client';
import { meKey } from '../features/auth/useMe';
import { applyLanguage, currentLanguage, i18n } from './i18n';

/** Changes the interface language; when signed in, also saves it on the person. */
export function useLanguageSwitch() {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) => api.patch<MeView>('/api/me', { language }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
    onError: (error) => {
      // The server keeps the old language: show it again so the two agree.
      const me = queryClient.getQueryData<MeView>(meKey);
      if (me) applyLanguage(me.language);
      notifications.show({ color: 'red', message: error instanceof ApiError ? error.message : i18n.t('errors.internal') });
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
    <Select
      aria-label={t('language.label')}
      size="xs"
      w={170}
      value={currentLanguage()}
      allowDeselect={false}
      withCheckIcon
      // Kept inside the header (a landmark) rather than portalled to the end of <body>.
      comboboxProps={{ withinPortal: false }}
      onChange={(value) => {
        if (isLanguage(value)) switchTo(value);
      }}
      data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
