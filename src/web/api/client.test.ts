import { afterEach, describe, expect, it, vi } from 'vitest';

// The client's i18n reads the browser's language and marks the page's; this runs in Node.
vi.hoisted(() => {
  Object.assign(globalThis, { navigator: { language: 'pt-BR', languages: ['pt-BR'] }, document: { documentElement: {} } });
});

import { api, ApiError, ConflictError } from './client';

/** The next fetch answers with this status and JSON body. */
function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('turns a stale-revision 409 into a ConflictError that keeps the whole answer', async () => {
    const changed = [{ field: 'status', from: 'new', to: 'in_progress', by: 'Bruno', at: '2026-11-28T10:00:00.000Z' }];
    answer(409, { error: { code: 'conflict', message: 'Alguém alterou o chamado.', revision: 7, changed } });
    const error = await api.patch('/api/tickets/12', { revision: 6 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict).toMatchObject({ status: 409, code: 'conflict', message: 'Alguém alterou o chamado.', revision: 7, changed });
    expect(conflict.details).toMatchObject({ revision: 7, changed });
  });

  it('gives a 409 without a revision an empty list of changes (the state forbids the move)', async () => {
    answer(409, { error: { code: 'conflict', message: 'O chamado está encerrado.' } });
    const error = await api.post('/api/tickets/12/articles', { body: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changed).toEqual([]);
  });

  it('leaves other errors as they came, with their fields', async () => {
    answer(400, { error: { code: 'validation', message: 'Revise os campos.', fields: { body: 'Obrigatório.' } } });
    const error = await api.post('/api/tickets/12/articles', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect((error as ApiError).fields).toEqual({ body: 'Obrigatório.' });
  });
});
