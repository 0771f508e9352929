import { describe, expect, it } from 'vitest';
import { countryCodes, countryName, countryOptions, isCountryCode } from './countries';

describe('countries', () => {
  it.each([
    ['pt-BR', 'Brasil', 'Alemanha'],
    ['en', 'Brazil', 'Germany'],
    ['es', 'Brasil', 'Alemania'],
  ])('are named in %s', (language, brazil, germany) => {
    expect(countryName('BR', language)).toBe(brazil);
    expect(countryName('DE', language)).toBe(germany);
    const options = countryOptions(language);
    expect(options).toContainEqual({ value: 'DE', label: germany });
    expect(options).toHaveLength(countryCodes.length);
  });

  it("are offered in the language's alphabetical order", () => {
    for (const language of ['pt-BR', 'en', 'es']) {
      const labels = countryOptions(language).map((o) => o.label);
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, language)));
    }
    // Accents sort with their letter: Áustria among the A's, before Bélgica.
    const labels = countryOptions('pt-BR').map((o) => o.label);
    expect(labels.indexOf('Áustria')).toBeLessThan(labels.indexOf('Bélgica'));
  });

  it('knows only ISO codes', () => {
    expect(isCountryCode('BR')).toBe(true);
    expect(isCountryCode('br')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
  });
});
