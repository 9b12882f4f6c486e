// The datasets' storage: immutable numbered versions of items, each item assigned to a split.
import type {
  CreateDatasetVersionInput,
  DatasetDetails,
  DatasetItemPage,
  DatasetItemQuery,
  DatasetSummary,
  DatasetVersion,
} from './dataset-types.js';

export interface DatasetStore {
  /**
   * Writes a new version (`max + 1`, from 1) with its items in one transaction. Items keep their order; each gets the
   * split its id hashes to under the seed, unless it names one. A version never changes after this.
   */
  createVersion(projectId: string, name: string, input: CreateDatasetVersionInput): Promise<DatasetVersion>;
  listDatasets(projectId: string): Promise<readonly DatasetSummary[]>;
  /** Null when the project has no dataset of that name. */
  getDataset(projectId: string, name: string): Promise<DatasetDetails | null>;
  getVersion(projectId: string, name: string, version: number): Promise<DatasetVersion | null>;
  /** Items in their stored order; not found when the version does not exist. */
  listItems(projectId: string, name: string, version: number, query?: DatasetItemQuery): Promise<DatasetItemPage>;
}
