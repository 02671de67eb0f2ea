import { defineConfig } from 'vitest/config';

/**
 * Three tiers. unit: pure functions beside the code. integration: through HTTP against a real database (PGlite by
 * default, a PostgreSQL server when TEST_DATABASE_URL is set), a fresh tenant per test. browser: Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/src/**/*.test.ts',
            'packages/shared/src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'server/load/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/src/**/*.int.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // `npm run test:security`: the authorisation matrix and the fuzzing of every operation (docs/security.md).
          name: 'security',
          include: ['server/test/security/**/*.sec.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['web/test/**/*.browser.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
