import { useMemo } from 'react';
import { countryOptions } from '../../contracts/countries';
import { currentLanguage } from './i18n';

/** Every country named in the interface language, in that language's alphabetical order. */
export function useCountryOptions() {
  const language = currentLanguage();
  return useMemo(() => countryOptions(language), [language]);
}
