import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTickets } from '../test/generated-tickets';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../test/harness';
import { listen, signInOver } from '../test/live';

/** The status and headers of a GET over a real socket; the body is left unread and the connection closed. */
function headersOf(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; first: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      res.once('data', (chunk: Buffer) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, first: chunk.toString('latin1') });
        req.destroy();
      });
    });
    req.on('error', reject);
  });
}

describe('compressed API answers', () => {
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await generateTickets(t.db, 60, { assignees: [null], tags: [] });
    agent = await signIn(t.app, demoRoles.agent);
  });
  afterAll(() => t.close());

  it('sends a large list compressed with brotli or gzip, as asked, and the same JSON once decoded', async () => {
    const plain = await request(t.app, { method: 'GET', url: '/api/tickets', cookie: agent });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().tickets.length).toBeGreaterThan(10);
    expect(plain.rawPayload.length).toBeGreaterThan(1400);

    const br = await request(t.app, { method: 'GET', url: '/api/tickets', cookie: agent, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await request(t.app, { method: 'GET', url: '/api/tickets', cookie: agent, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('sends a small answer as it is: below a packet, compressing saves nothing', async () => {
    const res = await request(t.app, { method: 'GET', url: '/api/me', cookie: agent, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1400);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses the event stream, whose events must leave at once', async () => {
    const base = await listen(t.app);
    const cookie = await signInOver(base, demoRoles.agent);
    const res = await headersOf(`${base}/api/live`, { cookie, 'accept-encoding': 'br, gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['content-encoding']).toBeUndefined();
    // The first bytes are readable as they are: no compressor holds them back.
    expect(res.first).toMatch(/^retry: \d+\n/);
  });
});
