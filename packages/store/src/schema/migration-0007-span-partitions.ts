// Version 7: Postgres `spans` partitioned by day on start_time, for retention by dropping whole partitions.
import type { Migration } from './migration.js';

// Spelled out as in migration 1: a migration must not change after it has been applied.
const KINDS = `'llm', 'agent', 'tool', 'chain', 'retriever', 'embedding', 'other'`;

/** Microseconds per day: partitions are UTC days of `start_time` (integer µs since the epoch). */
const DAY = '86400000000';

// A partitioned table's unique key must contain the partition column, so start_time joins the key: a re-sent span
// carries the same start time, lands in the same partition and is still a conflict (docs/architecture/store.md).
// The default partition takes any span whose day has no partition, so no timestamp is ever refused. The existing
// rows are copied: days from 62 days back to 2 days ahead get their partition first (what runtime creation would
// have made), older rows go to the default partition, where retention deletes them row by row.
// Partition names (`spans_dYYYYMMDD`) are what postgres/span-partitions.ts reads back: keep them in step.
const postgres = `
ALTER TABLE spans RENAME TO spans_unpartitioned;
ALTER TABLE spans_unpartitioned RENAME CONSTRAINT spans_pkey TO spans_unpartitioned_pkey;

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
  input text,
  output text,
  attributes text NOT NULL,
  PRIMARY KEY (project_id, trace_id, span_id, start_time)
) PARTITION BY RANGE (start_time);

CREATE TABLE spans_default PARTITION OF spans DEFAULT;

DO $$
DECLARE
  today bigint := floor(extract(epoch FROM now()) / 86400);
  day bigint;
BEGIN
  FOR day IN
    SELECT d FROM generate_series(today - 1, today + 2) AS d
    UNION
    SELECT DISTINCT start_time / ${DAY} FROM spans_unpartitioned
    WHERE start_time >= (today - 62) * ${DAY} AND start_time < (today + 3) * ${DAY}
  LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF spans FOR VALUES FROM (%s) TO (%s)',
      'spans_d' || to_char(to_timestamp(day * 86400) AT TIME ZONE 'UTC', 'YYYYMMDD'),
      day * ${DAY},
      (day + 1) * ${DAY}
    );
  END LOOP;
END $$;

INSERT INTO spans SELECT * FROM spans_unpartitioned;
DROP TABLE spans_unpartitioned;
`;

// SQLite has no partitions: retention deletes whole traces through the keys that exist (traces_by_start, then the
// spans key's (project_id, trace_id) prefix), so there is nothing to add.
const sqlite = `-- nothing to do: SQLite has no partitions`;

export const migration0007: Migration = { version: 7, name: 'span partitions by day', sqlite, postgres };
