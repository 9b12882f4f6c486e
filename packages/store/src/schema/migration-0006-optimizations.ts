// Version 6: optimization runs — a prompt improved against a dataset and an evaluator, with every candidate it tried.
import type { Migration } from './migration.js';

// Budget, settings, spend, progress, result and a candidate's scores are JSON text: read whole, never queried into.
// `result` is the loop's result without its candidates (they are rows of `optimization_candidates`).
// `position` keeps candidates in creation order (c0, c1, … c10), which their text ids do not sort into.
const tables = (types: { strict: string }) => `
CREATE TABLE optimization_runs (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'plateau', 'budget-exhausted', 'cancelled', 'failed', 'interrupted')),
  prompt_name TEXT NOT NULL,
  start_version INTEGER NOT NULL,
  best_version INTEGER,
  dataset_name TEXT NOT NULL,
  dataset_version INTEGER NOT NULL,
  evaluator_name TEXT NOT NULL,
  evaluator_version INTEGER NOT NULL,
  model TEXT NOT NULL,
  optimizer_model TEXT,
  simulated INTEGER NOT NULL CHECK (simulated IN (0, 1)),
  budget TEXT NOT NULL,
  settings TEXT NOT NULL,
  round INTEGER NOT NULL,
  spend TEXT NOT NULL,
  progress TEXT NOT NULL,
  result TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, prompt_name, start_version) REFERENCES prompt_versions (project_id, name, version),
  FOREIGN KEY (project_id, dataset_name, dataset_version) REFERENCES dataset_versions (project_id, name, version),
  FOREIGN KEY (project_id, evaluator_name, evaluator_version) REFERENCES evaluator_versions (project_id, name, version)
)${types.strict};

CREATE INDEX optimization_runs_newest ON optimization_runs (project_id, created_at);
CREATE INDEX optimization_runs_by_status ON optimization_runs (status);

CREATE TABLE optimization_candidates (
  project_id TEXT NOT NULL,
  run_id TEXT NOT NULL,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  parent_id TEXT,
  round INTEGER NOT NULL,
  prompt_version INTEGER,
  status TEXT NOT NULL,
  edit TEXT,
  prompt_tokens INTEGER NOT NULL,
  minibatch TEXT,
  validation TEXT,
  acceptance TEXT,
  cost TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (project_id, run_id, id),
  FOREIGN KEY (project_id, run_id) REFERENCES optimization_runs (project_id, id) ON DELETE CASCADE
)${types.strict};

CREATE INDEX optimization_candidates_in_order ON optimization_candidates (project_id, run_id, position);
`;

export const migration0006: Migration = {
  version: 6,
  name: 'optimization runs',
  sqlite: tables({ strict: ' STRICT' }),
  postgres: tables({ strict: '' }),
};
