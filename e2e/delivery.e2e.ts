import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { webRoot } from '../src/server/plugins/web';
import { createTestDatabase } from '../src/server/test/harness';

const built = fs.existsSync(path.join(webRoot, 'index.html'));
if (!built) console.warn(`SKIPPED delivery of the web app: ${webRoot} is not built (npm run build)`);

/** The built files as a browser asks for them: hashed assets, index.html and public/ files (no compressed copies). */
function builtFiles(dir = webRoot, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return builtFiles(path.join(dir, entry.name), `${relative}/`);
    return /\.(?:br|gz)$/.test(entry.name) ? [] : [relative];
  });
}

const decode: Record<string, (body: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

describe.skipIf(!built)('delivery of the built web app', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const files = built ? builtFiles() : [];
  // Files of a few bytes may compress to no less: those are sent as they are (scripts/precompress.ts).
  const text = files.filter((f) => /\.(?:js|css|html|svg)$/.test(f) && fs.statSync(path.join(webRoot, f)).size > 256);
  const get = (url: string, acceptEncoding?: string) => app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  beforeAll(async () => {
    const database = await createTestDatabase('sqlite');
    drop = database.drop;
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() }), db: database.db });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('has a brotli and a gzip copy of every script, style sheet and page of the build', () => {
    expect(text.length).toBeGreaterThan(10);
    for (const file of text) {
      expect(fs.existsSync(path.join(webRoot, `${file}.br`)), `${file}.br`).toBe(true);
      expect(fs.existsSync(path.join(webRoot, `${file}.gz`)), `${file}.gz`).toBe(true);
    }
  });

  it('sends each text file compressed as the browser accepts, decoding to the built file byte for byte', async () => {
    for (const file of text) {
      const original = fs.readFileSync(path.join(webRoot, file));
      for (const [accept, encoding] of [['br, gzip, deflate', 'br'], ['gzip, deflate', 'gzip']] as const) {
        const res = await get(`/${file}`, accept);
        expect(res.statusCode, file).toBe(200);
        expect(res.headers['content-encoding'], file).toBe(encoding);
        expect(res.headers.vary, file).toMatch(/accept-encoding/i);
        expect(res.rawPayload.length, file).toBeLessThan(original.length);
        expect(decode[encoding]!(res.rawPayload).equals(original), `${file} (${encoding})`).toBe(true);
      }
      const plain = await get(`/${file}`);
      expect(plain.headers['content-encoding'], file).toBeUndefined();
      expect(plain.rawPayload.equals(original), file).toBe(true);
    }
  });

  it('lets caches keep content-hashed assets for a year, and only them', async () => {
    const hashed = files.filter((f) => f.startsWith('assets/'));
    expect(hashed.length).toBeGreaterThan(10);
    for (const file of hashed) {
      const res = await get(`/${file}`, 'br');
      expect(res.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
    }
    for (const file of files.filter((f) => !f.startsWith('assets/'))) {
      const res = await get(`/${file}`, 'br');
      expect(res.headers['cache-control'], file).toBe('no-cache');
    }
  });

  it('has index.html and the client routes revalidated on every visit, compressed', async () => {
    const index = fs.readFileSync(path.join(webRoot, 'index.html'));
    for (const url of ['/', '/index.html', '/login', '/tickets/3', '/channels/software?x=1']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).equals(index), url).toBe(true);
    }
  });

  it('serves no compressed copy under its own name, and no file that was not built', async () => {
    const script = text.find((f) => f.endsWith('.js'))!;
    expect((await get(`/${script}.br`)).statusCode).toBe(404);
    expect((await get(`/${script}.gz`)).statusCode).toBe(404);
    expect((await get('/assets/missing-AbCd1234.js', 'br')).statusCode).toBe(404);
    expect((await get('/.vite/manifest.json')).statusCode).toBe(404);
  });
});
