import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/errors';

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The answers any route may give whatever it does, added to those it declares so that the document
 * lists every status a client can meet: a request that is not valid (400), and for writes one from
 * another site (403), too large (413) or of a type no route reads (415); the database being away (503).
 */
function addCommonAnswers(route: RouteOptions) {
  const schema = route.schema;
  if (!schema || schema.hide || !route.url.startsWith('/api/')) return;
  const methods = [route.method].flat();
  const common: Record<number, typeof errorBody> = { 400: errorBody, 503: errorBody };
  if (methods.some((m) => writes.has(m))) Object.assign(common, { 403: errorBody, 413: errorBody, 415: errorBody });
  schema.response = { ...common, ...(schema.response as object | undefined) };
}

/** OpenAPI 3.1 generated from the zod route schemas; served as JSON and browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  app.addHook('onRoute', addCommonAnswers);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Atende API', version: '1.0.0', description: 'Customer support portal and help desk.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'atende.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
