// Version 5: insights — root-cause reports computed over a view of scored traces (or a dataset, or an experiment).
import type { Migration } from './migration.js';

const tables = (types: { strict: string }) => `
CREATE TABLE insights (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  evaluator_name TEXT NOT NULL,
  environment TEXT,
  prompt_name TEXT,
  prompt_version TEXT,
  dataset_name TEXT,
  dataset_version INTEGER,
  experiment_id TEXT,
  from_time TEXT,
  to_time TEXT,
  report TEXT NOT NULL,
  trace_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, id)
)${types.strict};

CREATE INDEX insights_newest ON insights (project_id, evaluator_name, created_at);
`;

export const migration0005: Migration = {
  version: 5,
  name: 'insights',
  sqlite: tables({ strict: ' STRICT' }),
  postgres: tables({ strict: '' }),
};
