// Version 2: the prompt registry — immutable versions, labels (environments) pointing at them, and the audit log.
import type { Migration } from './migration.js';

// Content is the canonical JSON of PromptContent; its sha256 is `hash`, unique per prompt (identical pushes dedupe).
const tables = (types: { text: string; integer: string; serial: string; strict: string }) => `
CREATE TABLE prompt_versions (
  project_id ${types.text} NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name ${types.text} NOT NULL,
  version ${types.integer} NOT NULL CHECK (version > 0),
  hash ${types.text} NOT NULL,
  content ${types.text} NOT NULL,
  message ${types.text},
  author ${types.text},
  created_at ${types.text} NOT NULL,
  PRIMARY KEY (project_id, name, version),
  UNIQUE (project_id, name, hash)
)${types.strict};

CREATE TABLE prompt_labels (
  project_id ${types.text} NOT NULL,
  name ${types.text} NOT NULL,
  label ${types.text} NOT NULL,
  version ${types.integer} NOT NULL,
  updated_at ${types.text} NOT NULL,
  PRIMARY KEY (project_id, name, label),
  FOREIGN KEY (project_id, name, version) REFERENCES prompt_versions (project_id, name, version)
)${types.strict};

CREATE TABLE prompt_label_events (
  id ${types.serial},
  project_id ${types.text} NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name ${types.text} NOT NULL,
  label ${types.text} NOT NULL,
  kind ${types.text} NOT NULL CHECK (kind IN ('promote', 'rollback')),
  from_version ${types.integer},
  to_version ${types.integer} NOT NULL,
  actor ${types.text},
  at ${types.text} NOT NULL
)${types.strict};

CREATE INDEX prompt_label_events_by_prompt ON prompt_label_events (project_id, name, label, id);
`;

export const migration0002: Migration = {
  version: 2,
  name: 'prompt registry',
  sqlite: tables({ text: 'TEXT', integer: 'INTEGER', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', strict: ' STRICT' }),
  postgres: tables({ text: 'TEXT', integer: 'INTEGER', serial: 'BIGSERIAL PRIMARY KEY', strict: '' }),
};
