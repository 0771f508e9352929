/** The interface's languages, without their messages: what the browser needs before it downloads one (web/app/i18n.ts). */
export const languages = ['pt-BR', 'en', 'es'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'pt-BR';

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

/** A localized label stored as JSON by language, e.g. a channel name. */
export function localized(names: Partial<Record<Language, string>>, language: Language): string {
  return names[language] ?? names[defaultLanguage] ?? Object.values(names)[0] ?? '';
}
