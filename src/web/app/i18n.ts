import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, languages, pickLanguage, type Language } from '../../contracts/languages';
import type { Messages } from '../../contracts/locales/pt-BR';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const storageKey = 'atende.language';

/** Each language's messages are a chunk of their own, downloaded when the interface first speaks it. */
const loaders: Record<Language, () => Promise<Messages>> = {
  'pt-BR': async () => (await import('../../contracts/locales/pt-BR')).ptBR,
  en: async () => (await import('../../contracts/locales/en')).en,
  es: async () => (await import('../../contracts/locales/es')).es,
};

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

/** Downloads a language's messages once. */
async function loadLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', await loaders[language]());
}

// The messages are added before the first render (startI18n), so initialisation itself is synchronous.
void i18n.use(initReactI18next).init({
  resources: {},
  lng: initialLanguage(),
  fallbackLng: false,
  supportedLngs: [...languages],
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Downloads the first language's messages: main.tsx renders once they are there, so the first render is translated. */
export async function startI18n(): Promise<void> {
  await loadLanguage(currentLanguage());
  document.documentElement.lang = currentLanguage();
}

/** The language the interface speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/** The language asked for last: a switch that finishes downloading after a later one does not undo it. */
let wanted: Language | undefined;

/** Switches the interface language (once its messages are downloaded), remembers it in this browser and sets <html lang>. */
export function applyLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch itself still works.
  }
  wanted = language;
  if (i18n.language === language) return;
  loadLanguage(language).then(
    async () => {
      if (wanted !== language) return;
      document.documentElement.lang = language;
      await i18n.changeLanguage(language);
    },
    // Offline or a new release replaced the chunk: the interface keeps speaking the language it has.
    () => undefined,
  );
}

export { i18n };
