import { buildApp } from './app';
import { loadConfig } from './config';
import { migrateToLatest } from './db/migrate';
import { openConfiguredDatabase } from './db/open';
import { seedDemo } from './demo/demo.seed';
import { demoPassword } from './demo/demo.catalog';
import { issueSetupLink } from './features/auth/auth.setup';
import { createMailWorker, type MailWorker } from './features/mail/mail.worker';
import { closeUnconfirmedSolutions } from './features/tickets/tickets.lifecycle';

/** Starts Atende: migrate, seed (demo) or offer first-run setup, serve, send mail. */
async function main() {
  const demo = process.argv.includes('--demo');
  const config = loadConfig(process.env, demo);
  const db = openConfiguredDatabase(config);
  await migrateToLatest(db);

  let mailWorker: MailWorker | undefined;
  const app = await buildApp({ config, db, pokeMail: () => mailWorker?.poke() });
  if (config.smtpUrl) {
    mailWorker = createMailWorker({ db, smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
    mailWorker.start();
  }

  // Every process runs the job; each ticket closes in a conditional update, so exactly once.
  const autoClose = () =>
    closeUnconfirmedSolutions({ db, config })
      .then((closed) => closed && app.log.info({ closed }, 'closed unconfirmed solutions'))
      .catch((error: unknown) => app.log.error({ err: error }, 'auto-close failed'));
  const autoCloseTimer = setInterval(autoClose, 60_000);
  autoCloseTimer.unref();
  void autoClose();

  const banner: string[] = [];
  if (demo) {
    const accounts = await seedDemo(db);
    banner.push('Demo accounts (password: ' + demoPassword + '):', ...accounts.map((a) => `  ${a.email.padEnd(26)} ${a.role}`));
    if (!config.smtpUrl) banner.push(`Mails stay in the development mailbox: ${config.publicUrl}/dev/mailbox`);
  } else {
    const setupLink = await issueSetupLink(db, config);
    if (setupLink) banner.push('No system administrator yet. Create the first one (link valid for 1 hour, once):', `  ${setupLink}`);
  }

  await app.listen({ port: config.port, host: config.host });
  banner.unshift(`Atende is running on ${config.publicUrl} (${config.databaseUrl ? 'PostgreSQL' : 'SQLite in ' + config.dataDir})`);
  process.stdout.write(`\n${banner.join('\n')}\n\n`);

  const shutdown = async () => {
    clearInterval(autoCloseTimer);
    await app.close();
    await mailWorker?.stop();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
