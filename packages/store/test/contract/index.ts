// @kaizen/store/testing: the Store contract suite, span builders and the shared test Postgres, for any package's tests.

export { findPostgresBin, type RestartablePostgres, startRestartablePostgres } from '../postgres-harness.js';
export { expectKaizenError } from './expect-kaizen-error.js';
export { runStoreContract } from './run-store-contract.js';
export { isoAt, makeSpan, makeStepSpan, newSpanId, newTraceId } from './span-fixtures.js';
export {
  createTestDatabase,
  describePostgres,
  dropTestDatabase,
  type TestPostgresTarget,
  testPostgresTarget,
} from './test-postgres.js';
