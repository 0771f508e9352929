import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` puts the React app. */
export const webRoot = path.resolve(import.meta.dirname, '../../../dist/web');

/** Vite's content-hashed output (`assets/name-[hash].ext`): a new content gets a new name. */
const hashedAsset = /^assets\/.+-[\w-]{8}\.[a-z0-9]+$/i;

/** Whether a file of the build (its path relative to the build's root) may be kept by caches for good. */
export function isHashedAsset(relativePath: string): boolean {
  return hashedAsset.test(relativePath.split(path.sep).join('/'));
}

/**
 * Serves the built React app: the `.br`/`.gz` copies written at build time (scripts/precompress.ts)
 * to whoever accepts them, hashed assets cached for a year, everything else revalidated each time;
 * any other page URL gets index.html so client routes work on reload.
 */
export async function registerWeb(app: FastifyInstance) {
  const root = webRoot;
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ webRoot: root }, 'web app not built: run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The compressed copies are chosen by Accept-Encoding for their file's URL, never served under their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders(reply, filePath) {
      const relative = path.relative(root, filePath).replace(/\.(?:br|gz)$/, '');
      reply.header('cache-control', isHashedAsset(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // With wildcard off, @fastify/static has one route per built file; everything else lands here.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/') || path.extname(pathname)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
