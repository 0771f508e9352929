/**
 * The benchmark's baseline, run as a child process so that it has an event loop of its own:
 * a bare Fastify app answering {ok:true} on the port given as the argument — the ceiling of this
 * machine for the framework doing no work at all. It tells the parent it listens over the IPC
 * channel, and stops on SIGTERM or when the parent goes away.
 */
import Fastify from 'fastify';

async function main() {
  const port = Number(process.argv[2]);
  const app = Fastify();
  app.get('/', async () => ({ ok: true }));
  await app.listen({ port, host: '127.0.0.1' });
  const stop = () => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send?.({ ready: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
