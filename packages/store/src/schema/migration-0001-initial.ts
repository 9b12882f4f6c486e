// Version 1: projects, API keys, spans and per-trace summaries. Every row belongs to a project.
import type { Migration } from './migration.js';

// Spelled out rather than built from SPAN_KINDS: a migration must not change after it has been applied.
const KINDS = `'llm', 'agent', 'tool', 'chain', 'retriever', 'embedding', 'other'`;

// Times are integer microseconds since the epoch (see docs/architecture/store.md); JSON columns are plain text.
// spans has no index beyond its key: the "any span of the trace" filters (model, prompt) probe the key's
// (project_id, trace_id) prefix, and every further index keyed by a random trace id costs the ingest path a random
// page write per trace and commit (about a third of SQLite's insert time when there were two).
// STRICT makes SQLite reject a value of the wrong type (a fractional token count) as Postgres would.
const sqlite = `
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX api_keys_by_project ON api_keys (project_id);

CREATE TABLE spans (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
  start_time INTEGER NOT NULL,
  end_time INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  status_message TEXT,
  model TEXT,
  provider TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  total_tokens INTEGER,
  cost_usd REAL,
  prompt_name TEXT,
  prompt_version TEXT,
  environment TEXT,
  session_id TEXT,
  user_id TEXT,
  -- The payloads last: reading the light columns before them never walks their overflow pages.
  input TEXT,
  output TEXT,
  attributes TEXT NOT NULL,
  PRIMARY KEY (project_id, trace_id, span_id)
) STRICT;

CREATE TABLE traces (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id TEXT NOT NULL,
  root_name TEXT NOT NULL,
  start_time INTEGER NOT NULL,
  end_time INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  models TEXT NOT NULL,
  input_tokens INTEGER,
  output_tokens INTEGER,
  total_tokens INTEGER,
  cost_usd REAL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  environment TEXT,
  prompt_name TEXT,
  prompt_version TEXT,
  session_id TEXT,
  user_id TEXT,
  span_count INTEGER NOT NULL,
  PRIMARY KEY (project_id, trace_id)
) STRICT;
CREATE INDEX traces_by_start ON traces (project_id, start_time DESC, trace_id DESC);
CREATE INDEX traces_by_environment ON traces (project_id, environment, start_time DESC, trace_id DESC);
CREATE INDEX traces_by_status ON traces (project_id, status, start_time DESC, trace_id DESC);
`;

// COLLATE "C" on ids: byte order whatever the database locale, so the keyset order matches SQLite's and compares
// faster. Text, not jsonb, for JSON: inserts skip jsonb parsing and nothing queries inside the JSON yet.
const postgres = `
CREATE TABLE projects (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX api_keys_by_project ON api_keys (project_id);

CREATE TABLE spans (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id text COLLATE "C" NOT NULL,
  span_id text COLLATE "C" NOT NULL,
  parent_span_id text COLLATE "C",
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN (${KINDS})),
  start_time bigint NOT NULL,
  end_time bigint NOT NULL,
  duration_ms double precision NOT NULL,
  status text NOT NULL CHECK (status IN ('ok', 'error')),
  status_message text,
  model text,
  provider text,
  input_tokens bigint,
  output_tokens bigint,
  total_tokens bigint,
  cost_usd double precision,
  prompt_name text,
  prompt_version text,
  environment text,
  session_id text,
  user_id text,
  -- The payloads last, as in SQLite (Postgres moves the large ones out of line anyway).
  input text,
  output text,
  attributes text NOT NULL,
  PRIMARY KEY (project_id, trace_id, span_id)
);

CREATE TABLE traces (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id text COLLATE "C" NOT NULL,
  root_name text NOT NULL,
  start_time bigint NOT NULL,
  end_time bigint NOT NULL,
  duration_ms double precision NOT NULL,
  models text NOT NULL,
  input_tokens bigint,
  output_tokens bigint,
  total_tokens bigint,
  cost_usd double precision,
  status text NOT NULL CHECK (status IN ('ok', 'error')),
  environment text,
  prompt_name text,
  prompt_version text,
  session_id text,
  user_id text,
  span_count integer NOT NULL,
  PRIMARY KEY (project_id, trace_id)
);
CREATE INDEX traces_by_start ON traces (project_id, start_time DESC, trace_id DESC);
CREATE INDEX traces_by_environment ON traces (project_id, environment, start_time DESC, trace_id DESC);
CREATE INDEX traces_by_status ON traces (project_id, status, start_time DESC, trace_id DESC);
`;

export const migration0001: Migration = { version: 1, name: 'initial schema', sqlite, postgres };
