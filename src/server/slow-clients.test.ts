import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test/harness';

/** How a held connection behaves: silent, trickling its headers, or trickling its body. */
type Kind = 'silent' | 'slowHeaders' | 'slowBody';

/**
 * Opens a connection that holds the server as a slowloris does, and resolves with how long it lived
 * once the server closes it; it never closes by itself (it would fail the test by the deadline).
 */
function holdConnection(port: number, kind: Kind): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let trickle: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      if (kind === 'silent') return;
      socket.write(
        kind === 'slowHeaders'
          ? 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'
          : 'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{',
      );
      // A byte every 300 ms: never idle long enough for the idle timeout, never done.
      trickle = setInterval(() => socket.write(kind === 'slowHeaders' ? 'X' : ' '), 300);
    });
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(trickle);
      resolve(Date.now() - started);
    });
    setTimeout(() => {
      clearInterval(trickle);
      socket.destroy();
      reject(new Error(`a ${kind} connection was still open after 20 s`));
    }, 20_000);
  });
}

describe('slow and silent clients', () => {
  let t: TestApp;
  let port: number;
  // Short limits for the test; the defaults are 10 s, 300 s, 30 s and 5 s.
  const limits = { headers: 2, request: 4, idle: 2 };

  beforeAll(async () => {
    t = await buildTestApp({
      seed: false,
      env: { HEADERS_TIMEOUT_SECONDS: String(limits.headers), REQUEST_TIMEOUT_SECONDS: String(limits.request), IDLE_TIMEOUT_SECONDS: String(limits.idle), KEEP_ALIVE_TIMEOUT_SECONDS: '1' },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('closes 350 held connections within their time limits while other requests keep being answered', async () => {
    const kinds: Kind[] = Array.from({ length: 350 }, (_, i) => (['silent', 'slowHeaders', 'slowBody'] as const)[i % 3]!);
    const held = kinds.map((kind) => holdConnection(port, kind).then((ms) => ({ kind, ms })));

    // Meanwhile, a request every 100 ms is answered as usual.
    const answers: number[] = [];
    const poll = setInterval(() => {
      void fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => answers.push(res.status),
        () => answers.push(0),
      );
    }, 100);
    const lifetimes = await Promise.all(held);
    clearInterval(poll);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Each limit, plus Node's 1 s check of the deadlines and room for a loaded machine.
    const allowed: Record<Kind, number> = { silent: limits.idle, slowHeaders: limits.headers, slowBody: limits.request };
    for (const kind of ['silent', 'slowHeaders', 'slowBody'] as const) {
      const longest = Math.max(...lifetimes.filter((l) => l.kind === kind).map((l) => l.ms));
      expect(longest, kind).toBeLessThan((allowed[kind] + 1 + 3) * 1000);
      // Closed by its limit, not earlier: the trickling ones outlived the idle limit.
      if (kind !== 'silent') expect(longest, kind).toBeGreaterThan(limits.idle * 1000);
    }
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.every((status) => status === 200)).toBe(true);
  }, 30_000);
});
