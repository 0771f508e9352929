import { en } from './locales/en';
import { es } from './locales/es';
import { ptBR, type Messages } from './locales/pt-BR';
import type { Language } from './languages';

// The server's modules keep importing the languages from here, beside the messages.
export { defaultLanguage, isLanguage, languages, localized, pickLanguage, type Language } from './languages';

/** Every language's messages, for the server; the browser downloads only the one it speaks. */
export const messages: Record<Language, Messages> = { 'pt-BR': ptBR, en, es };

/** Looks a dotted key up in a language's messages and fills {{name}} placeholders. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const lookup = (path: string) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages[language]);
  // A number `count` picks the plural form as i18next does in the browser: `key_one`, else `key`.
  const form = typeof params.count === 'number' ? lookup(`${key}_${new Intl.PluralRules(language).select(params.count)}`) : undefined;
  const found = form ?? lookup(key);
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
