import { z } from 'zod';

/**
 * C0 and C1 control characters (and DEL) but tab, line feed and carriage return: nobody types them,
 * PostgreSQL refuses NUL in text, and stored raw they reach pages, mails and exports.
 */
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** True for a text without control characters other than tab, CR and LF. */
export const hasNoControlCharacters = (value: string) => !controlCharacters.test(value);

/**
 * A text field of any input: a string that refuses control characters, naming the field. Every
 * string a request carries (body, query, path) is one of these; views (answers) use z.string().
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(hasNoControlCharacters, { error: 'validation.controlCharacters', abort: true });
}

/**
 * An e-mail address as every form takes it, trimmed and lower-cased: an empty one is "required",
 * like any other empty field, and only a written one can be "not valid".
 */
export const emailAddress = text({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required', abort: true })
  .max(254, { error: 'validation.tooLong', abort: true })
  .toLowerCase()
  .pipe(z.email({ error: 'validation.email' }));

/** The kinds of link a page may show: the web, a mail or a phone call, never a script (`javascript:`, `data:`…). */
const linkProtocols = ['https:', 'http:', 'mailto:', 'tel:'];

/** True for a URL of one of `linkProtocols`. */
export const isSafeLink = (url: string) => URL.canParse(url) && linkProtocols.includes(new URL(url).protocol);

/** Brazilian document checks, shared by the forms and the server. */

const digitsOnly = (value: string) => value.replace(/\D/g, '');

/** True for a CPF with valid check digits (formatted or not). */
export function isValidCpf(value: string): boolean {
  const cpf = digitsOnly(value);
  if (cpf.length !== 11 || /^(\d)\1{10}$/.test(cpf)) return false;
  const digit = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(cpf[i]) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return digit(9) === Number(cpf[9]) && digit(10) === Number(cpf[10]);
}

/** True for a CNPJ with valid check digits (formatted or not). */
export function isValidCnpj(value: string): boolean {
  const cnpj = digitsOnly(value);
  if (cnpj.length !== 14 || /^(\d)\1{13}$/.test(cnpj)) return false;
  const digit = (length: number) => {
    const weights = length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const sum = weights.reduce((acc, w, i) => acc + w * Number(cnpj[i]), 0);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  return digit(12) === Number(cnpj[12]) && digit(13) === Number(cnpj[13]);
}

export { digitsOnly };
