import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * JSON, text and SVG; never an event stream (its messages must leave at once, not wait in a compressor's
 * buffer) nor an attachment's bytes, which are mostly compressed formats already.
 */
const compressibleTypes = /^(?:application\/(?:[\w.-]+\+)?json|text\/(?!event-stream)|image\/svg\+xml)/;

/**
 * Compresses API answers that are worth it (brotli or gzip, as the client accepts). Below about one
 * packet compression saves no round trip, so small answers go as they are. The built web app is
 * compressed at build time instead (plugins/web.ts). Request bodies are never decompressed: the API
 * takes what a browser sends, and a small compressed body must not grow past the body limit unseen.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1400,
    customTypes: compressibleTypes,
    globalDecompression: false,
  });
}
