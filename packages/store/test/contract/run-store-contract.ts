// The behaviour every Store backend must have: one suite, run against SQLite and Postgres alike.
import { describe } from 'vitest';
import type { Store } from '../../src/store.js';
import { describeEvaluationContract } from './evaluation-contract.js';
import { describeExperimentDataContract } from './experiments-contract-suite.js';
import { describeInsertContract } from './insert-contract.js';
import { describeInsightsContract } from './insights-contract.js';
import { describeIsolationContract } from './isolation-contract.js';
import { describeOptimizationsContract } from './optimizations-contract.js';
import { describeProjectsContract } from './projects-contract.js';
import { describePromptsContract } from './prompts-contract.js';
import { describeRetentionContract } from './retention-contract.js';
import { useFreshStore } from './store-context.js';
import { describeTraceListContract } from './trace-list-contract.js';
import { describeTraceMetricsContract } from './trace-metrics-contract.js';

/**
 * `openFreshStore` returns a store over an empty database, not yet migrated; the suite migrates and closes it.
 *
 * @example
 * runStoreContract('sqlite', async () => openSqliteStore({ file: ':memory:' }));
 */
export function runStoreContract(name: string, openFreshStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const context = useFreshStore(openFreshStore);
    describeProjectsContract(context);
    describeInsertContract(context);
    describeTraceListContract(context);
    describeIsolationContract(context);
    describePromptsContract(context);
    describeExperimentDataContract(context);
    describeEvaluationContract(context);
    describeInsightsContract(context);
    describeOptimizationsContract(context);
    describeTraceMetricsContract(context);
    describeRetentionContract(context);
  });
}
