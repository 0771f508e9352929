/**
 * `npm test`: the type check, then every suite — unit and HTTP tests on SQLite, the same HTTP tests on PostgreSQL
 * when TEST_DATABASE_URL is set, and the browser journeys in Debian's Chromium. It says
 * plainly what it skipped and why; with REQUIRE_ALL_SUITES=1 (set by .ci/run) a skip fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const chromiumPath = '/usr/bin/chromium';
const skipped: string[] = [];
const env = { ...process.env };

if (env.TEST_DATABASE_URL) {
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    skipped.push(`server tests on PostgreSQL: cannot connect to TEST_DATABASE_URL (${(error as Error).message})`);
    delete env.TEST_DATABASE_URL;
  }
} else {
  skipped.push('server tests on PostgreSQL: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
}

const projects = ['sqlite'];
if (env.TEST_DATABASE_URL) projects.push('postgres');
if (fs.existsSync(chromiumPath)) {
  projects.push('e2e');
} else {
  skipped.push(`browser journeys (e2e/): ${chromiumPath} is missing (apt-get install chromium)`);
}

const report = () => {
  if (skipped.length === 0) return;
  process.stdout.write(`\nSKIPPED:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n\n`);
};
report();
if (skipped.length && env.REQUIRE_ALL_SUITES === '1') {
  process.stderr.write('REQUIRE_ALL_SUITES=1: every suite must run.\n');
  process.exit(1);
}

const run = (args: string[]) => spawnSync('npx', args, { stdio: 'inherit', env }).status ?? 1;

// The types first: a type error fails the run before any suite (and unused code is one, tsconfig.json).
if (run(['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) process.exit(1);
// The browser journeys use the built web app.
if (projects.includes('e2e') && run(['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']) !== 0) process.exit(1);
let status = run(['vitest', 'run', ...projects.flatMap((p) => ['--project', p])]);
// Browser journeys on PostgreSQL run after the rest: two browsers at once would starve 2 cores.
if (projects.includes('e2e') && env.TEST_DATABASE_URL) status ||= run(['vitest', 'run', '--project', 'e2e-postgres']);
report();
process.exit(status);
