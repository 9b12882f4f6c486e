// The experiments' storage: runs, their items (added in batches while running), and the summary at the end.
import type {
  CreateExperimentInput,
  Experiment,
  ExperimentItemInput,
  ExperimentItemRecord,
  ExperimentQuery,
  ExperimentWithItems,
  FinishExperimentInput,
} from './experiment-types.js';

export interface ExperimentStore {
  /** A new experiment, `running`; not found when the prompt version or the dataset version does not exist. */
  create(projectId: string, input: CreateExperimentInput): Promise<Experiment>;
  /** Appends items to a running experiment; conflict when it has finished or an item id is already there. */
  addItems(projectId: string, experimentId: string, items: readonly ExperimentItemInput[]): Promise<{ total: number }>;
  /** Computes the summary from the stored items and closes the experiment; conflict when it already finished. */
  finish(projectId: string, experimentId: string, input: FinishExperimentInput): Promise<Experiment>;
  get(projectId: string, experimentId: string): Promise<Experiment | null>;
  getWithItems(projectId: string, experimentId: string): Promise<ExperimentWithItems | null>;
  listItems(projectId: string, experimentId: string): Promise<readonly ExperimentItemRecord[]>;
  /** Newest first. */
  list(projectId: string, query?: ExperimentQuery): Promise<readonly Experiment[]>;
}
