import type { FastifyRequest } from 'fastify';
import { isLanguage, pickLanguage, translate, type Language } from '../../contracts/i18n';

/** The caller's language: the signed-in person's choice, else the browser's Accept-Language. */
export function requestLanguage(request: FastifyRequest): Language {
  const chosen = request.actor?.language;
  if (isLanguage(chosen)) return chosen;
  return pickLanguage(request.headers['accept-language']);
}

/** A translate function bound to the caller's language. */
export function translatorFor(request: FastifyRequest) {
  const language = requestLanguage(request);
  return (key: string, params?: Record<string, string | number>) => translate(language, key, params);
}
