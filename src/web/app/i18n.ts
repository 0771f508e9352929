import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, languages, messages, pickLanguage, type Language } from '../../contracts/i18n';
import type { Messages } from '../../contracts/locales/pt-BR';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const storageKey = 'atende.language';

function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    // Storage can be blocked (private mode, policies): fall back to the browser's language.
    return undefined;
  }
}

/** Before sign-in: the remembered choice, else the browser's language, else pt-BR. */
function initialLanguage(): Language {
  return storedLanguage() ?? pickLanguage(navigator.languages?.join(',') || navigator.language);
}

const resources = Object.fromEntries(languages.map((l) => [l, { translation: messages[l] }]));

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  // Resources are bundled, so initialisation is synchronous and the first render is translated.
  initAsync: false,
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** The language the interface speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/** Switches the interface language, remembers it in this browser and sets <html lang>. */
export function applyLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch itself still works.
  }
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export { i18n };
