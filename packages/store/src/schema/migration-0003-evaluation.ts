// Version 3: evaluation — versioned evaluators, trace scores (with per-criterion rows), human labels, online rules.
import type { Migration } from './migration.js';

interface Types {
  readonly text: string;
  /** Trace ids: byte-ordered in Postgres, as in `traces`, so joins compare under one collation. */
  readonly id: string;
  readonly integer: string;
  readonly bigint: string;
  readonly real: string;
  readonly strict: string;
}

// Scores and labels carry no foreign key to `traces`: the span hot path upserts trace rows, and a key into them
// would add a check there; a score outlives nothing it needs (it is read joined on traces, so an orphan is invisible).
// `definition` is the canonical JSON of a StoredChecklist; its sha256 is `hash`, unique per evaluator (dedupe).
// `evaluated_at` is integer µs like every time the store compares; `created_at`/`updated_at` are ISO text.
const tables = (types: Types) => `
CREATE TABLE evaluator_versions (
  project_id ${types.text} NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name ${types.text} NOT NULL,
  version ${types.integer} NOT NULL CHECK (version > 0),
  hash ${types.text} NOT NULL,
  definition ${types.text} NOT NULL,
  message ${types.text},
  author ${types.text},
  created_at ${types.text} NOT NULL,
  PRIMARY KEY (project_id, name, version),
  UNIQUE (project_id, name, hash)
)${types.strict};

CREATE TABLE trace_scores (
  project_id ${types.text} NOT NULL,
  trace_id ${types.id} NOT NULL,
  evaluator_name ${types.text} NOT NULL,
  evaluator_version ${types.integer} NOT NULL,
  score ${types.real},
  passed ${types.integer} NOT NULL CHECK (passed IN (0, 1)),
  label ${types.text} NOT NULL,
  errors ${types.integer} NOT NULL,
  source ${types.text} NOT NULL CHECK (source IN ('online', 'manual')),
  evaluated_at ${types.bigint} NOT NULL,
  failed_criteria ${types.text} NOT NULL,
  results ${types.text} NOT NULL,
  PRIMARY KEY (project_id, trace_id, evaluator_name, evaluator_version),
  FOREIGN KEY (project_id, evaluator_name, evaluator_version)
    REFERENCES evaluator_versions (project_id, name, version) ON DELETE CASCADE
)${types.strict};
CREATE INDEX trace_scores_by_evaluator ON trace_scores (project_id, evaluator_name, evaluator_version);

CREATE TABLE trace_score_criteria (
  project_id ${types.text} NOT NULL,
  trace_id ${types.id} NOT NULL,
  evaluator_name ${types.text} NOT NULL,
  evaluator_version ${types.integer} NOT NULL,
  criterion_id ${types.text} NOT NULL,
  status ${types.text} NOT NULL CHECK (status IN ('passed', 'failed', 'errored', 'skipped')),
  PRIMARY KEY (project_id, trace_id, evaluator_name, evaluator_version, criterion_id),
  FOREIGN KEY (project_id, trace_id, evaluator_name, evaluator_version)
    REFERENCES trace_scores (project_id, trace_id, evaluator_name, evaluator_version) ON DELETE CASCADE
)${types.strict};

CREATE TABLE trace_labels (
  project_id ${types.text} NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id ${types.id} NOT NULL,
  evaluator_name ${types.text} NOT NULL,
  criterion_id ${types.text} NOT NULL,
  passed ${types.integer} NOT NULL CHECK (passed IN (0, 1)),
  note ${types.text},
  author ${types.text},
  updated_at ${types.text} NOT NULL,
  PRIMARY KEY (project_id, evaluator_name, criterion_id, trace_id)
)${types.strict};
CREATE INDEX trace_labels_by_trace ON trace_labels (project_id, trace_id);

CREATE TABLE online_evaluators (
  project_id ${types.text} NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id ${types.text} NOT NULL,
  evaluator_name ${types.text} NOT NULL,
  environment ${types.text},
  prompt_name ${types.text},
  prompt_version ${types.text},
  view_key ${types.text} NOT NULL,
  sampling_rate ${types.real} NOT NULL CHECK (sampling_rate >= 0 AND sampling_rate <= 1),
  enabled ${types.integer} NOT NULL CHECK (enabled IN (0, 1)),
  created_at ${types.text} NOT NULL,
  updated_at ${types.text} NOT NULL,
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, evaluator_name, view_key)
)${types.strict};
`;

export const migration0003: Migration = {
  version: 3,
  name: 'evaluation',
  sqlite: tables({
    text: 'TEXT',
    id: 'TEXT',
    integer: 'INTEGER',
    bigint: 'INTEGER',
    real: 'REAL',
    strict: ' STRICT',
  }),
  postgres: tables({
    text: 'text',
    id: 'text COLLATE "C"',
    integer: 'integer',
    bigint: 'bigint',
    real: 'double precision',
    strict: '',
  }),
};
