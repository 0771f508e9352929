import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const loopback = '127.0.0.1';

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));
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

/**
 * Starts bench/server.ts in a child process (through tsx, like the parent) with the given mode
 * and arguments plus a free port, and resolves once it listens.
 */
export async function startServer(mode: 'app' | 'baseline', args: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const child = fork(serverScript, [mode, ...args, String(port)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with code ${code} before listening`)));
  });
  return { url: `http://${loopback}:${port}`, pid: child.pid!, stop: () => stopChild(child) };
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

/** Process ids of the running servers, for CPU accounting. */
export function serverPids(): number[] {
  return [...children].flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
}

/** Stops every server this process started (on the way out, even after a failure). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}
