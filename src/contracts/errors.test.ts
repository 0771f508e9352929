import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage } from './errors';
import { translate } from './i18n';

const limit = z.object({ limit: z.coerce.number().int().min(1).max(100), name: z.string().min(1).max(5) });
const messageFor = (input: Record<string, unknown>) => {
  const result = limit.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  return issueMessage(result.error.issues[0]!, (key, params) => translate('pt-BR', key, params));
};

describe('issueMessage', () => {
  it('names the bounds of a number as values, not lengths', () => {
    expect(messageFor({ limit: '0', name: 'a' })).toBe('Use um número a partir de 1.');
    expect(messageFor({ limit: '101', name: 'a' })).toBe('Use um número até 100.');
  });

  it('says "greater than" for an id below 1, and names the bound of an id far too large, not a length', () => {
    const id = z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) });
    const first = (input: unknown) => issueMessage(id.safeParse(input).error!.issues[0]!, (key, params) => translate('pt-BR', key, params));
    expect(first({ id: '-1' })).toBe('Use um número maior que 0.');
    expect(first({ id: '9'.repeat(40) })).toBe('Use um número até 9007199254740991.');
  });

  it('asks for a whole number, or for a number, instead of saying the field is empty', () => {
    expect(messageFor({ limit: '2.5', name: 'a' })).toBe('Use um número inteiro.');
    expect(messageFor({ limit: 'abc', name: 'a' })).toBe('Use um número.');
  });

  it('counts the items of a list', () => {
    const ids = z.object({ ids: z.array(z.number()).min(1).max(2) });
    const first = (input: unknown) => issueMessage(ids.safeParse(input).error!.issues[0]!, (key, params) => translate('pt-BR', key, params));
    expect(first({ ids: [] })).toBe('Inclua ao menos 1 item.');
    const three = z.object({ ids: z.array(z.number()).min(3) });
    expect(issueMessage(three.safeParse({ ids: [] }).error!.issues[0]!, (key, params) => translate('en', key, params))).toBe('Include at least 3 items.');
    expect(first({ ids: [1, 2, 3] })).toBe('Inclua no máximo 2 itens.');
  });

  it('keeps the messages of text fields', () => {
    expect(messageFor({ limit: '1', name: '' })).toBe('Preencha este campo.');
    expect(messageFor({ limit: '1', name: 'abcdef' })).toBe('Use no máximo 5 caracteres.');
    expect(messageFor({ limit: '1' })).toBe('Preencha este campo.');
  });
});
