import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { createTestDatabase } from '../src/server/test/harness';
import { seedDemo } from '../src/server/demo/demo.seed';
import { createMailWorker } from '../src/server/features/mail/mail.worker';
import { webRoot } from '../src/server/plugins/web';
import { startTestSmtp } from '../src/server/test/smtp';
import { signIn } from './helpers';

/**
 * The portal as `npm run demo` runs it — built web app, demo data — on a free loopback port,
 * sending its mail to a real local SMTP server the test reads. The database is SQLite, or a
 * fresh PostgreSQL schema when E2E_DATABASE=postgres (the `e2e-postgres` run of `npm test`).
 */
export async function startPortal() {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error('web app not built: run `npm run build`');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-e2e-'));
  const smtp = await startTestSmtp();
  const { db, drop } = await createTestDatabase(process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'sqlite');
  await seedDemo(db);
  // PUBLIC_URL must name the port, which is known only after listening: listen first on a fixed free port.
  const port = await freePort();
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SMTP_URL: smtp.url, LOG_LEVEL: 'warn' }, true);
  let worker: ReturnType<typeof createMailWorker> | undefined;
  const app = await buildApp({ config, db, pokeMail: () => worker?.poke() });
  worker = createMailWorker({ db, smtpUrl: smtp.url, from: config.mailFrom, log: app.log, intervalMs: 200 });
  worker.start();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: config.publicUrl,
    db,
    smtp,
    async close() {
      await app.close();
      await worker?.stop();
      await drop();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Portal = Awaited<ReturnType<typeof startPortal>>;

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Debian's Chromium, headless, kept off the network it cannot reach. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One portal and one browser for the tests of the describe block that calls this: started before
 * them, closed after. Each page gets a context of its own (as AxeBuilder needs), in Portuguese.
 */
export function portalInBrowser(contextOptions: BrowserContextOptions = {}) {
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });
  const started = () => {
    if (!portal || !browser) throw new Error('the portal starts in beforeAll');
    return { portal, browser };
  };
  const newPage = async (): Promise<Page> => (await started().browser.newContext({ locale: 'pt-BR', ...contextOptions })).newPage();
  return {
    get portal(): Portal {
      return started().portal;
    },
    newPage,
    /** A new page already signed in as `email`. */
    async signedIn(email: string): Promise<Page> {
      const page = await newPage();
      await signIn(page, started().portal.url, email);
      return page;
    },
  };
}
