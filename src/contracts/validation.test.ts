import { describe, expect, it } from 'vitest';
import { emailAddress, isValidCnpj, isValidCpf } from './validation';

describe('CPF', () => {
  it.each([
    ['123.456.789-09', true],
    ['12345678909', true],
    ['987.654.321-00', true],
    ['123.456.789-08', false],
    ['111.111.111-11', false],
    ['1234567890', false],
    ['', false],
  ])('%s → %s', (cpf, valid) => expect(isValidCpf(cpf)).toBe(valid));
});

describe('CNPJ', () => {
  it.each([
    ['11.222.333/0001-81', true],
    ['44555666000181', true],
    ['11.222.333/0001-80', false],
    ['00000000000000', false],
    ['1122233300018', false],
  ])('%s → %s', (cnpj, valid) => expect(isValidCnpj(cnpj)).toBe(valid));
});

describe('e-mail addresses', () => {
  const messages = (value: unknown) => emailAddress.safeParse(value).error?.issues.map((i) => i.message);

  it('are trimmed and lower-cased', () => {
    expect(emailAddress.parse('  Nina@Alfa.Example ')).toBe('nina@alfa.example');
  });

  it('are required when empty and invalid only when written, each error once', () => {
    expect(messages('')).toEqual(['validation.required']);
    expect(messages('   ')).toEqual(['validation.required']);
    expect(messages(undefined)).toEqual(['validation.required']);
    expect(messages('nope')).toEqual(['validation.email']);
    expect(messages(`${'a'.repeat(250)}@x.example`)).toEqual(['validation.tooLong']);
  });
});
