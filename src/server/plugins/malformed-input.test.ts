import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../contracts/i18n';
import { demoForm } from '../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../test/harness';

/**
 * Every operation of the OpenAPI document, walked with inputs of each malformed kind, by a visitor, a
 * contact and the system administrator: no answer is a 5xx, and every status answered is one the
 * document lists for that operation. A text field carrying a control character is refused naming it.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
};
type Parameter = { name: string; in: 'path' | 'query'; schema: Schema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  multipart: boolean;
  statuses: string[];
};

const controlMessage = translate('pt-BR', 'validation.controlCharacters');
const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** A value of the schema's shape in which every string is `text`. */
function sample(schema: Schema, text: string): unknown {
  const choice = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (choice.enum) return choice.enum[0];
  const type = Array.isArray(choice.type) ? choice.type[0] : choice.type;
  if (type === 'object') return Object.fromEntries(Object.entries(choice.properties ?? {}).map(([k, s]) => [k, sample(s, text)]));
  if (type === 'array') return [sample(choice.items ?? {}, text)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return text;
}

/** The dotted paths (as the error body names fields) of the free-text strings (not dates, not choices) in a sample of the schema. */
function textPaths(schema: Schema, prefix: string[] = []): string[] {
  const choice = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (choice.enum || choice.format) return [];
  if (choice.type === 'object') return Object.entries(choice.properties ?? {}).flatMap(([k, s]) => textPaths(s, [...prefix, k]));
  if (choice.type === 'array') return textPaths(choice.items ?? {}, [...prefix, '0']);
  return choice.type === 'string' ? [prefix.join('.')] : [];
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, op]) => {
        const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
        return {
          method: method.toUpperCase(),
          path,
          parameters: (op.parameters as Parameter[] | undefined) ?? [],
          body: content?.['application/json']?.schema,
          multipart: Boolean(content?.['multipart/form-data']) || JSON.stringify(op).includes('multipart/form-data'),
          statuses: Object.keys(op.responses as Record<string, unknown>),
        };
      }),
  );
}

/** Path parameters that name a real record (a ticket, the contact's company), so the walk reaches past the lookups. */
const known: Record<string, string> = {};

/** The URL of an operation with its path parameters (a real or plausible value, or `pathValue` for all) and a query. */
function urlOf(op: Operation, pathValue?: string, query?: string): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (pathValue !== undefined) return pathValue;
    if (known[name]) return known[name];
    const schema = op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
    return String(sample(schema, 'x'));
  });
  return query ? `${path}?${query}` : path;
}

type Input = { name: string; url: string; payload?: string | Buffer; contentType?: string; textFields?: string[] };

/** The malformed inputs for one operation: each kind of bad body, bad path value and bad query value. */
function malformedInputs(op: Operation): Input[] {
  const inputs: Input[] = [];
  const url = urlOf(op);
  const writes = op.method !== 'GET';
  for (const [kind, char] of [['NUL', '\u0000'], ['a C0 control', '\u0001'], ['a C1 control', '\u0085']] as const) {
    if (op.body) {
      inputs.push({ name: `${kind} in every text field`, url, payload: JSON.stringify(sample(op.body, `a${char}b`)), contentType: 'application/json', textFields: textPaths(op.body) });
    }
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    if (queryParams.length) {
      const query = queryParams.map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, `a${char}b`)))}`).join('&');
      inputs.push({ name: `${kind} in every query parameter`, url: urlOf(op, undefined, query), textFields: queryParams.filter((p) => textPaths(p.schema).length).map((p) => p.name) });
    }
  }
  if (op.path.includes('{')) {
    const textParams = op.parameters.filter((p) => p.in === 'path' && textPaths(p.schema).length).map((p) => p.name);
    for (const value of ['a%00b', '%00', '%01', '%C2%85', '%FF', '%C3%28', '9'.repeat(40), '-1', '%2e%2e%2f']) {
      const control = ['a%00b', '%00', '%01', '%C2%85'].includes(value);
      inputs.push({ name: `path parameters ${value}`, url: urlOf(op, value), textFields: control ? textParams : undefined });
    }
  }
  if (op.parameters.some((p) => p.in === 'query')) inputs.push({ name: 'invalid UTF-8 in the query', url: `${url}?${op.parameters.find((p) => p.in === 'query')!.name}=%FF%FE` });
  if (writes) {
    const invalidUtf8 = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]);
    const deep = '{"a":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    inputs.push(
      { name: 'invalid UTF-8 in a JSON body', url, payload: invalidUtf8, contentType: 'application/json' },
      { name: 'a JSON body nested 50,000 deep', url, payload: deep, contentType: 'application/json' },
      { name: 'a JSON body cut off', url, payload: '{"a": [1, 2', contentType: 'application/json' },
      { name: 'a body of the wrong content type', url, payload: 'name=x', contentType: 'text/plain' },
      { name: 'a multipart body cut off mid-part', url, payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf a fi', contentType: 'multipart/form-data; boundary=xyz' },
      { name: 'an empty body declared as JSON', url, payload: '', contentType: 'application/json' },
    );
  }
  return inputs;
}

function describeAnswer(res: LightMyRequestResponse) {
  return `${res.statusCode} ${res.body.slice(0, 300)}`;
}

describe('every route of the OpenAPI document, with malformed input', () => {
  let t: TestApp;
  let operations: Operation[];
  const cookies: Record<string, string | undefined> = { visitor: undefined };

  beforeAll(async () => {
    t = await buildTestApp();
    operations = operationsOf((await request(t.app, { method: 'GET', url: '/api/openapi.json' })).json());
    cookies.contact = await signIn(t.app, demoRoles.contact);
    cookies.agent = await signIn(t.app, demoRoles.agent);
    cookies.admin = await signIn(t.app, demoRoles.admin);
    const opened = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies.contact, payload: (await demoForm(t.db, 'RM')).fields });
    known.number = String(opened.json().number);
    known.companyId = String((await t.db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow()).id);
  });
  afterAll(() => t.close());

  it('documents more than sixty operations (the walk covers the whole API)', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  for (const role of ['visitor', 'contact', 'agent', 'admin'] as const) {
    it(`answers a ${role} with no 5xx and only statuses the document lists`, async () => {
      const failures: string[] = [];
      for (const op of operations) {
        // Signing out would end the session the rest of the walk uses.
        if (role !== 'visitor' && op.method === 'DELETE' && op.path === '/api/session') continue;
        for (const input of malformedInputs(op)) {
          const res = await request(t.app, {
            method: op.method as 'GET',
            url: input.url,
            cookie: cookies[role],
            payload: input.payload,
            headers: input.contentType ? { 'content-type': input.contentType } : {},
          });
          const where = `${role} ${op.method} ${op.path} — ${input.name}: ${describeAnswer(res)}`;
          if (res.statusCode >= 500) failures.push(`5xx: ${where}`);
          else if (!op.statuses.includes(String(res.statusCode))) failures.push(`undocumented (${op.statuses.join(', ')}): ${where}`);
          // The system administrator passes every guard, so validation answers: each text field is named.
          if (role === 'admin' && input.textFields?.length) {
            const fields = res.statusCode === 400 ? ((res.json().error.fields ?? {}) as Record<string, string>) : {};
            const unnamed = input.textFields.filter((field) => fields[field] !== controlMessage);
            if (unnamed.length) failures.push(`control character not refused in ${unnamed.join(', ')}: ${where}`);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
