import { defineConfig } from 'vitest/config';

/**
 * Server tests run on SQLite always and on PostgreSQL too when TEST_DATABASE_URL is set.
 * Browser journeys (e2e/) run in Debian's Chromium; scripts/test.ts says what it skipped.
 */
const postgres = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts'],
          env: { TEST_DB: 'sqlite' },
          testTimeout: 20_000,
          // Sign-ins hash passwords: a file's setup may take a while on a loaded 2-core machine.
          hookTimeout: 30_000,
        },
      },
      ...(postgres
        ? [
            {
              test: {
                name: 'postgres',
                include: ['src/server/**/*.test.ts'],
                env: { TEST_DB: 'postgres' },
                testTimeout: 20_000,
                hookTimeout: 30_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // The journeys of the ticket, agent and administration issues again, on PostgreSQL.
      ...(postgres
        ? [
            {
              test: {
                name: 'e2e-postgres',
                include: ['e2e/open-ticket.e2e.ts', 'e2e/agent-journey.e2e.ts', 'e2e/administration.e2e.ts', 'e2e/contact-import.e2e.ts', 'e2e/agent-invitations.e2e.ts', 'e2e/catalog-categories.e2e.ts', 'e2e/email-undo.e2e.ts', 'e2e/views.e2e.ts', 'e2e/live.e2e.ts', 'e2e/ticket-actions.e2e.ts', 'e2e/bulk-macros.e2e.ts', 'e2e/sla.e2e.ts'],
                env: { E2E_DATABASE: 'postgres' },
                fileParallelism: false,
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
