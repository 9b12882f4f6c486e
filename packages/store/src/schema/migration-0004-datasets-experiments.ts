// Version 4: datasets (immutable versions of items in splits), experiments (a prompt version run over a dataset, with
// per-item results) and the model response cache that makes re-running unchanged items free.
import type { Migration } from './migration.js';

const tables = (types: { real: string; strict: string }) => `
CREATE TABLE dataset_versions (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  item_count INTEGER NOT NULL,
  split_counts TEXT NOT NULL,
  splits TEXT NOT NULL,
  source TEXT NOT NULL,
  message TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, name, version)
)${types.strict};

CREATE TABLE dataset_items (
  project_id TEXT NOT NULL,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  split TEXT NOT NULL CHECK (split IN ('train', 'validation', 'holdout')),
  source_trace_id TEXT,
  input TEXT NOT NULL,
  expected TEXT,
  metadata TEXT NOT NULL,
  PRIMARY KEY (project_id, name, version, position),
  UNIQUE (project_id, name, version, item_id),
  FOREIGN KEY (project_id, name, version) REFERENCES dataset_versions (project_id, name, version) ON DELETE CASCADE
)${types.strict};

CREATE INDEX dataset_items_by_split ON dataset_items (project_id, name, version, split, position);

CREATE TABLE experiments (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  prompt_name TEXT NOT NULL,
  prompt_version INTEGER NOT NULL,
  dataset_name TEXT NOT NULL,
  dataset_version INTEGER NOT NULL,
  dataset_split TEXT CHECK (dataset_split IN ('train', 'validation', 'holdout')),
  model TEXT NOT NULL,
  simulated INTEGER NOT NULL CHECK (simulated IN (0, 1)),
  evaluator TEXT NOT NULL,
  checklist_hash TEXT NOT NULL,
  checklist TEXT NOT NULL,
  settings TEXT NOT NULL,
  summary TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, prompt_name, prompt_version) REFERENCES prompt_versions (project_id, name, version),
  FOREIGN KEY (project_id, dataset_name, dataset_version) REFERENCES dataset_versions (project_id, name, version)
)${types.strict};

CREATE INDEX experiments_by_prompt ON experiments (project_id, prompt_name, prompt_version, created_at);
CREATE INDEX experiments_by_time ON experiments (project_id, created_at);

CREATE TABLE experiment_items (
  project_id TEXT NOT NULL,
  experiment_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  cached INTEGER NOT NULL CHECK (cached IN (0, 1)),
  score ${types.real},
  passed INTEGER CHECK (passed IN (0, 1)),
  label TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cost_usd ${types.real},
  latency_ms ${types.real},
  error TEXT,
  output TEXT,
  result TEXT,
  PRIMARY KEY (project_id, experiment_id, item_id),
  FOREIGN KEY (project_id, experiment_id) REFERENCES experiments (project_id, id) ON DELETE CASCADE
)${types.strict};

CREATE INDEX experiment_items_in_order ON experiment_items (project_id, experiment_id, position);

CREATE TABLE response_cache (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, key)
)${types.strict};
`;

export const migration0004: Migration = {
  version: 4,
  name: 'datasets, experiments and the response cache',
  sqlite: tables({ real: 'REAL', strict: ' STRICT' }),
  postgres: tables({ real: 'DOUBLE PRECISION', strict: '' }),
};
