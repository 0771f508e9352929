import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` puts the React app. */
export const webRoot = path.resolve(import.meta.dirname, '../../../dist/web');

/** Serves the built React app; any other page URL gets index.html so client routes work on reload. */
export async function registerWeb(app: FastifyInstance) {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn({ webRoot }, 'web app not built: run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  const index = fs.readFileSync(path.join(webRoot, 'index.html'));
  // With wildcard off, @fastify/static has one route per built file; everything else lands here.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/') || path.extname(pathname)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  });
}
