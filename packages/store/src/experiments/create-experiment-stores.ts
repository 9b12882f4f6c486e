// The dataset, experiment and response-cache sub-stores over one SqlExecutor: what each Store backend exposes.
import type { ResponseCacheStore } from '../cache/response-cache-store.js';
import { createSqlResponseCacheStore } from '../cache/sql-response-cache-store.js';
import type { DatasetStore } from '../datasets/dataset-store.js';
import { createSqlDatasetStore } from '../datasets/sql-dataset-store.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import type { ExperimentStore } from './experiment-store.js';
import { createSqlExperimentStore } from './sql-experiment-store.js';

export interface ExperimentStores {
  /** Datasets: immutable versions of items in train/validation/holdout splits. */
  readonly datasets: DatasetStore;
  /** Experiments: a prompt version run over a dataset, with per-item results. */
  readonly experiments: ExperimentStore;
  /** Model answers by request hash, so re-running unchanged items makes no model call. */
  readonly responseCache: ResponseCacheStore;
}

/**
 * @example
 * const { datasets, experiments, responseCache } = createExperimentStores(createSqliteExecutor(database));
 */
export function createExperimentStores(sql: SqlExecutor): ExperimentStores {
  return {
    datasets: createSqlDatasetStore(sql),
    experiments: createSqlExperimentStore(sql),
    responseCache: createSqlResponseCacheStore(sql),
  };
}
