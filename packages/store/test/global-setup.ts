// Vitest globalSetup: one throwaway Postgres server for the whole run; each suite makes its own database on it.
import type { TestProject } from 'vitest/node';
import type { TestPostgresTarget } from './contract/test-postgres.js';
import { PostgresBinariesMissingError, startTemporaryPostgres } from './postgres-harness.js';

/**
 * KAIZEN_TEST_DATABASE_URL points the tests at an existing server instead. Missing binaries fail the Postgres
 * tests under CI and skip them (with the reason printed) elsewhere; the SQLite tests run either way.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.KAIZEN_TEST_DATABASE_URL;
  if (external !== undefined && external !== '') {
    project.provide('kaizenTestPostgres', { url: external });
    return undefined;
  }
  let target: TestPostgresTarget;
  try {
    const postgres = await startTemporaryPostgres();
    project.provide('kaizenTestPostgres', { url: postgres.url });
    return () => postgres.stop();
  } catch (error) {
    const missing = error instanceof PostgresBinariesMissingError;
    const underCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
    target = {
      url: null,
      reason: error instanceof Error ? error.message : String(error),
      mustFail: !missing || underCi,
    };
  }
  project.provide('kaizenTestPostgres', target);
  return undefined;
}
