import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { processTree } from './cpu';

export const loopback = '127.0.0.1';

/** A server under load: its address and the processes whose CPU time it uses. */
export type RunningServer = { url: string; pid: number; pids: () => number[] };

const baselineScript = fileURLToPath(new URL('./baseline.ts', import.meta.url));
const portalScript = fileURLToPath(new URL('../src/server/main.ts', import.meta.url));
const children = new Set<ChildProcess>();

/** A port nobody listens on right now (the OS picks it); the child binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, loopback, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Forks a script through tsx, like the parent, and resolves once it reports that it serves. */
async function start(script: string, args: string[], env: NodeJS.ProcessEnv, port: number, what: string): Promise<RunningServer> {
  const child = fork(script, args, { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code} before serving`)));
  });
  const pid = child.pid!;
  return { url: `http://${loopback}:${port}`, pid, pids: () => processTree(pid) };
}

/** The bare Fastify baseline (bench/baseline.ts). */
export async function startBaseline(): Promise<RunningServer> {
  const port = await freePort();
  return start(baselineScript, [String(port)], process.env, port, 'the baseline');
}

/**
 * The portal as `npm start` runs it (src/server/main.ts, no web assets needed), on the SQLite
 * database in dataDir, with the given number of worker processes and logging off.
 */
export async function startPortal(dataDir: string, workers: number): Promise<RunningServer> {
  const port = await freePort();
  // One account opens thousands of tickets a second here: the per-person limit (30 a minute) is off.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: loopback, WORKERS: String(workers), LOG_LEVEL: 'silent', OPENINGS_PER_MINUTE: '0' };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  return start(portalScript, [], env, port, 'the portal');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Process ids of the running servers and their workers, for CPU accounting. */
export function serverPids(): number[] {
  return [...children].flatMap((c) => (c.pid === undefined ? [] : processTree(c.pid)));
}

/** Stops every server this process started (on the way out, even after a failure). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}
