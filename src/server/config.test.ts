import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { buildTestApp } from './test/harness';

const trustProxyOf = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, nor for false or 0', () => {
    expect(trustProxyOf()).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
    expect(trustProxyOf('0')).toBe(false);
  });

  it('takes true as a proxy on this machine or a private network, never every hop', () => {
    expect(trustProxyOf('true')).toEqual(['loopback', 'linklocal', 'uniquelocal']);
  });

  it('takes a number of proxy hops', () => {
    expect(trustProxyOf('1')).toBe(1);
    expect(trustProxyOf('2')).toBe(2);
  });

  it('takes proxy addresses and CIDR ranges separated by commas', () => {
    expect(trustProxyOf('10.0.0.5, 10.1.0.0/16,fd00::/8')).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
    expect(trustProxyOf('loopback,10.1.0.0/16')).toEqual(['loopback', '10.1.0.0/16']);
  });

  it('refuses anything else at start, naming the variable', () => {
    for (const value of ['', 'maybe', '-1', '1.5', '300.1.1.1', '10.0.0.0/33', '10.0.0.0/8/8', '10.0.0.5,']) {
      expect(() => trustProxyOf(value), value).toThrow(/TRUST_PROXY: must be true, false, a number of proxy hops, or proxy addresses/);
    }
  });
});

describe('the client address behind a proxy', () => {
  /** The address the app takes a request to come from, as its request log line names it. */
  async function clientAddress(trustProxy: string, from: string, forwardedFor: string): Promise<string> {
    const lines: string[] = [];
    const t = await buildTestApp({ seed: false, env: { TRUST_PROXY: trustProxy, LOG_LEVEL: 'info' }, logStream: { write: (line) => lines.push(line) } });
    await t.app.inject({ method: 'GET', url: '/healthz', remoteAddress: from, headers: { 'x-forwarded-for': forwardedFor } });
    await t.close();
    return lines.map((line) => JSON.parse(line)).find((entry) => entry.req?.url === '/healthz').req.remoteAddress;
  }

  it('is the one the proxy in front added with TRUST_PROXY=1 or true, not one the client forged before it', async () => {
    expect(await clientAddress('1', '10.0.0.2', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await clientAddress('true', '10.0.0.2', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the connecting one when, with TRUST_PROXY=true, a client reaches the port directly', async () => {
    expect(await clientAddress('true', '198.51.100.5', '6.6.6.6')).toBe('198.51.100.5');
  });

  it('comes from X-Forwarded-For only when the proxy is at a trusted address', async () => {
    expect(await clientAddress('10.0.0.0/8', '10.0.0.2', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await clientAddress('10.0.0.0/8', '198.51.100.5', '6.6.6.6')).toBe('198.51.100.5');
  });
});
