import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './errors';
import { languages, localized, messages, pickLanguage, translate } from './i18n';

/** Every dotted key of a messages tree. */
const keysOf = (node: object, prefix = ''): string[] =>
  Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('i18n', () => {
  it('has the same keys, none empty, in every language', () => {
    const reference = keysOf(messages['pt-BR']).sort();
    for (const language of languages) {
      expect(keysOf(messages[language]).sort()).toEqual(reference);
      for (const key of reference) expect(translate(language, key).trim()).not.toBe('');
    }
  });

  it.each([
    [undefined, 'pt-BR'],
    ['en-US,en;q=0.9', 'en'],
    ['es-AR', 'es'],
    ['pt', 'pt-BR'],
    ['fr-FR, de', 'pt-BR'],
    ['fr, es;q=0.5', 'es'],
  ])('picks a language for %s', (header, expected) => expect(pickLanguage(header)).toBe(expected));

  it('fills placeholders and falls back to the key when unknown', () => {
    expect(translate('en', 'validation.tooLong', { max: 200 })).toBe('Use at most 200 characters.');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('picks the plural form by `count`, as i18next does in the browser', () => {
    const wait = (language: 'pt-BR' | 'en' | 'es', minutes: number) => translate(language, 'errors.tooManyRequests', { minutes, count: minutes });
    expect(wait('pt-BR', 1)).toBe('Muitas tentativas. Tente novamente em 1 minuto.');
    expect(wait('pt-BR', 15)).toBe('Muitas tentativas. Tente novamente em 15 minutos.');
    expect(wait('en', 1)).toBe('Too many attempts. Try again in 1 minute.');
    expect(wait('es', 2)).toBe('Demasiados intentos. Inténtelo de nuevo en 2 minutos.');
    // Without a count, the plain key.
    expect(translate('en', 'errors.tooManyRequests', { minutes: 3 })).toBe('Too many attempts. Try again in 3 minutes.');
  });

  it('reads a localized label, falling back to Portuguese', () => {
    expect(localized({ 'pt-BR': 'Relacionamento', en: 'Relationship' }, 'es')).toBe('Relacionamento');
    expect(localized({ 'pt-BR': 'Relacionamento', en: 'Relationship' }, 'en')).toBe('Relationship');
  });

  it('turns zod issues into field messages in the user\'s language', () => {
    const schema = z.object({
      email: z.email({ error: 'validation.email' }),
      summary: z.string().max(5),
      name: z.string().min(1),
      tags: z.array(z.email()),
    });
    const result = schema.safeParse({ email: 'x', summary: 'too long', name: '', tags: ['ok@a.example', 'bad'] });
    const t = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
    expect(fieldErrors(result.error!, t)).toEqual({
      email: 'Enter a valid e-mail address.',
      summary: 'Use at most 5 characters.',
      name: 'Fill in this field.',
      'tags.1': 'Enter a valid e-mail address.',
    });
  });
});
