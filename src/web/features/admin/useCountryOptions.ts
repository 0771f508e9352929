import { useMemo } from 'react';
import { countryCodes, countryName } from '../../../contracts/countries';
import { currentLanguage } from '../../app/i18n';

/** Every country named in the interface language, in that language's alphabetical order. */
export function useCountryOptions() {
  const language = currentLanguage();
  return useMemo(
    () =>
      countryCodes
        .map((code) => ({ value: code, label: countryName(code, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [language],
  );
}
