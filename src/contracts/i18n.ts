import { en } from './locales/en';
import { es } from './locales/es';
import { ptBR, type Messages } from './locales/pt-BR';

export const languages = ['pt-BR', 'en', 'es'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'pt-BR';

export const messages: Record<Language, Messages> = { 'pt-BR': ptBR, en, es };

/** Picks the supported language closest to a tag such as "es-AR" or an Accept-Language header. */
export function pickLanguage(header: string | null | undefined): Language {
  if (!header) return defaultLanguage;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    const exact = languages.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const base = languages.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0]);
    if (base) return base;
  }
  return defaultLanguage;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Looks a dotted key up in a language's messages and fills {{name}} placeholders. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const lookup = (path: string) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages[language]);
  // A number `count` picks the plural form as i18next does in the browser: `key_one`, else `key`.
  const form = typeof params.count === 'number' ? lookup(`${key}_${new Intl.PluralRules(language).select(params.count)}`) : undefined;
  const found = form ?? lookup(key);
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A localized label stored as JSON by language, e.g. a channel name. */
export function localized(names: Partial<Record<Language, string>>, language: Language): string {
  return names[language] ?? names[defaultLanguage] ?? Object.values(names)[0] ?? '';
}
