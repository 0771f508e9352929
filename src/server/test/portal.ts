import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A database of its own for a started portal: a temporary data folder, and on PostgreSQL
 * (TEST_DB=postgres) a fresh database in TEST_DATABASE_URL's server, whose address `url` is.
 */
export async function freshDatabase(): Promise<{ env: NodeJS.ProcessEnv; url?: URL; drop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-main-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (process.env.TEST_DB !== 'postgres') return { env: { DATA_DIR: dataDir }, drop: async () => removeDir() };
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `atende_main_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    url,
    drop: async () => {
      await admin(`drop database ${name} with (force)`);
      removeDir();
    },
  };
}

export type Portal = { process: ChildProcess; baseUrl: string; output: () => string };

/** Starts `npm start` (main.ts, with the demo data) on a free port and resolves once it serves. */
export async function startPortal(env: NodeJS.ProcessEnv): Promise<Portal> {
  const port = await freePort();
  let output = '';
  const child = fork(mainScript, ['--demo'], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the portal exited (${code}) before serving:\n${output}`)));
  });
  return { process: child, baseUrl: `http://127.0.0.1:${port}`, output: () => output };
}
