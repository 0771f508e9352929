import cluster from 'node:cluster';
import { buildApp } from './app';
import { loadConfig, type Config } from './config';
import { startMaintenance } from './db/maintenance';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { configuredSqliteFile, openConfiguredDatabase } from './db/open';
import { seedDemo } from './demo/demo.seed';
import { demoPassword } from './demo/demo.catalog';
import { issueSetupLink } from './features/auth/auth.setup';
import { createMailWorker, type MailWorker } from './features/mail/mail.worker';
import { closeUnconfirmedSolutions } from './features/tickets/tickets.lifecycle';
import { remindAndCloseWaiting } from './features/closing/closing.waiting';
import { removeUnusedUploads } from './features/attachments/attachments.cleanup';
import { relayBetweenWorkers } from './features/live/live';
import { runSlaJob } from './features/sla/sla.job';

/**
 * Starts Atende: migrate, seed (demo) or offer first-run setup, then serve and send mail — in this
 * process, or in WORKERS processes sharing the port (node:cluster) and the database. Everything a
 * process does is safe with several at once: numbers, mail claims, auto-close.
 *
 * On SQLite, a thread of this (the primary) process checkpoints the WAL for every serving process,
 * which leave it the checkpoints ('background'), so that no request's commit makes one.
 */
async function main() {
  const demo = process.argv.includes('--demo');
  const config = loadConfig(process.env, demo);
  if (cluster.isWorker) return serve(config, openConfiguredDatabase(config, 'background'));

  const db = openConfiguredDatabase(config, 'background');
  const stopMaintenance = config.databaseUrl ? undefined : await startMaintenance(configuredSqliteFile(config));
  await migrateToLatest(db);
  const banner = await prepare(config, db);
  if (config.workers === 1) {
    await serve(config, db, stopMaintenance);
  } else {
    await db.destroy();
    await startWorkers(config.workers, stopMaintenance);
  }
  banner.unshift(
    `Atende is running on ${config.publicUrl} (${config.databaseUrl ? 'PostgreSQL' : 'SQLite in ' + config.dataDir}` +
      `${config.workers > 1 ? `, ${config.workers} worker processes` : ''})`,
  );
  process.stdout.write(`\n${banner.join('\n')}\n\n`);
  // A parent process (a supervisor, the benchmark) learns that the portal serves.
  process.send?.({ ready: true });
}

/** Demo data, or the first-run setup link; returns what to tell the operator. */
async function prepare(config: Config, db: ReturnType<typeof openConfiguredDatabase>): Promise<string[]> {
  if (config.demo) {
    const accounts = await seedDemo(db);
    return [
      'Demo accounts (password: ' + demoPassword + '):',
      ...accounts.map((a) => `  ${a.email.padEnd(26)} ${a.role}`),
      ...(config.smtpUrl ? [] : [`Mails stay in the development mailbox (on this machine, or signed in as the system administrator): ${config.publicUrl}/dev/mailbox`]),
    ];
  }
  const setupLink = await issueSetupLink(db, config);
  return setupLink ? ['No system administrator yet. Create the first one (link valid for 1 hour, once):', `  ${setupLink}`] : [];
}

/** Forks the workers and resolves once each listens; a worker that dies is replaced. */
async function startWorkers(count: number, stopMaintenance?: () => Promise<void>): Promise<void> {
  let stopping = false;
  const fork = () =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork();
      worker.once('listening', () => resolve());
      worker.once('exit', (code, signal) => {
        reject(new Error(`worker ${worker.process.pid} exited (${signal ?? code}) before listening`));
        if (stopping) return;
        process.stderr.write(`worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
        void fork().catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
      });
    });
  // On SQLite, what one worker's change tells the live streams reaches the others through here.
  relayBetweenWorkers();
  await Promise.all(Array.from({ length: count }, fork));
  const shutdown = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.on('exit', async () => {
      if (Object.keys(cluster.workers ?? {}).length) return;
      await stopMaintenance?.();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** One serving process: the HTTP app, the mail worker and the jobs (auto-close, unused uploads). */
async function serve(config: Config, db: Db, stopMaintenance?: () => Promise<void>): Promise<void> {
  let mailWorker: MailWorker | undefined;
  const app = await buildApp({ config, db, pokeMail: () => mailWorker?.poke() });
  if (config.smtpUrl) {
    mailWorker = createMailWorker({ db, smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
    mailWorker.start();
  }

  // Every process runs the jobs; each ticket closes, and each unused upload goes, in a conditional
  // statement, so exactly once.
  const every = (ms: number, name: string, job: () => Promise<number>) => {
    const run = () =>
      job()
        .then((count) => count && app.log.info({ count }, name))
        .catch((error: unknown) => app.log.error({ err: error }, `${name}: failed`));
    const timer = setInterval(run, ms);
    timer.unref();
    void run();
    return timer;
  };
  const jobs = [
    every(60_000, 'closed unconfirmed solutions', () => closeUnconfirmedSolutions({ db, config })),
    every(60_000, 'reminded or closed tickets waiting for the customer', () => remindAndCloseWaiting({ db, config })),
    every(3_600_000, 'removed unused uploads', () => removeUnusedUploads({ db, config })),
    // SLA: breaches, warnings at 75 %, breach notices, clocks of an older setup (each claimed once).
    every(30_000, 'SLA clocks', () => runSlaJob({ db, config, pokeMail: () => mailWorker?.poke() })),
  ];

  await app.listen({ port: config.port, host: config.host });

  const shutdown = async () => {
    for (const job of jobs) clearInterval(job);
    await app.close();
    await mailWorker?.stop();
    await db.destroy();
    await stopMaintenance?.();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
