// Contract: datasets, experiments and the response cache, as one group of the Store contract.
import { describeDatasetsContract } from './datasets-contract.js';
import { describeDatasetFilesContract } from './datasets-contract-files.js';
import { describeDatasetTracesContract } from './datasets-contract-traces.js';
import { describeExperimentsContract } from './experiments-contract.js';
import { describeCacheContract } from './experiments-contract-cache.js';
import type { StoreContext } from './store-context.js';

export function describeExperimentDataContract(context: StoreContext): void {
  describeDatasetsContract(context);
  describeDatasetFilesContract(context);
  describeDatasetTracesContract(context);
  describeExperimentsContract(context);
  describeCacheContract(context);
}
