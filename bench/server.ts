/**
 * A server for the benchmark, run as a child process so that it has an event loop (and a
 * core) of its own, apart from the load generator:
 *
 *   tsx bench/server.ts app <database file> <port>   the real application on that database
 *   tsx bench/server.ts baseline <port>              a bare Fastify app answering {ok:true}
 *
 * It tells the parent it is listening over the IPC channel, and stops on SIGTERM.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, type Db } from '../src/server/db/database';

const host = '127.0.0.1';

/** The application as main.ts builds it (no mail worker: no SMTP_URL), without the web assets. */
async function startApp(file: string, port: number): Promise<{ app: FastifyInstance; db: Db }> {
  const env = { PORT: String(port), HOST: host, PUBLIC_URL: `http://${host}:${port}`, DATA_DIR: path.dirname(file), LOG_LEVEL: 'silent' };
  const config = loadConfig(env);
  const db = openDatabase({ kind: 'sqlite', file });
  const app = await buildApp({ config, db, web: false });
  await app.listen({ port, host });
  return { app, db };
}

/** The ceiling on this machine: the same framework doing no work at all. */
async function startBaseline(port: number): Promise<FastifyInstance> {
  const app = Fastify();
  app.get('/', async () => ({ ok: true }));
  await app.listen({ port, host });
  return app;
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  let stop: () => Promise<void>;
  if (mode === 'app' && args.length === 2) {
    const { app, db } = await startApp(path.resolve(args[0]!), Number(args[1]));
    stop = async () => {
      await app.close();
      await db.destroy();
    };
  } else if (mode === 'baseline' && args.length === 1) {
    const app = await startBaseline(Number(args[0]));
    stop = () => app.close();
  } else {
    throw new Error('usage: tsx bench/server.ts app <database file> <port> | baseline <port>');
  }
  process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
  // The parent goes away without a signal if it crashes: do not outlive it.
  process.once('disconnect', () => void stop().finally(() => process.exit(0)));
  process.send?.({ ready: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
