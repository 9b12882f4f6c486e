import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // Starts one throwaway Postgres for the run (or uses KAIZEN_TEST_DATABASE_URL); tests reach it through
    // createTestDatabase() from @kaizen/store/testing.
    globalSetup: ['packages/store/test/global-setup.ts', 'packages/web/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
