// Reads back what bench:load's servers stored — span ids and online scores — straight from the database.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';

export interface StoredState {
  /** `traceId:spanId` of every stored span. */
  readonly spans: ReadonlySet<string>;
  /** Online scores of the bench's evaluator: trace id → evaluatedAt (ms since the epoch). */
  readonly scores: ReadonlyMap<string, number>;
}

export interface StoreReader {
  /** Online scores of the evaluator written so far (polled while the queue drains). */
  countScores(): Promise<number>;
  read(): Promise<StoredState>;
  close(): Promise<void>;
}

const SPANS_SQL = 'SELECT trace_id, span_id FROM spans';
/** evaluated_at is stored in microseconds. */
const SCORES_SQL = "SELECT trace_id, evaluated_at FROM trace_scores WHERE source = 'online' AND evaluator_name = ";
const COUNT_SQL = "SELECT count(*) AS n FROM trace_scores WHERE source = 'online' AND evaluator_name = ";

interface SpanRow {
  readonly trace_id: string;
  readonly span_id: string;
}
interface ScoreRow {
  readonly trace_id: string;
  readonly evaluated_at: number | string;
}

function toState(spanRows: readonly SpanRow[], scoreRows: readonly ScoreRow[]): StoredState {
  return {
    spans: new Set(spanRows.map((row) => `${row.trace_id}:${row.span_id}`)),
    scores: new Map(scoreRows.map((row) => [row.trace_id, Number(row.evaluated_at) / 1000])),
  };
}

export async function postgresReader(url: string, evaluatorName: string): Promise<StoreReader> {
  const client = new Client({ connectionString: url });
  // The bench stops Postgres itself; a connection error must reject the query in flight, not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return {
    async countScores() {
      const result = await client.query<{ n: string }>(`${COUNT_SQL}$1`, [evaluatorName]);
      return Number(result.rows[0]?.n ?? 0);
    },
    async read() {
      const spans = await client.query<SpanRow>(SPANS_SQL);
      const scores = await client.query<ScoreRow>(`${SCORES_SQL}$1`, [evaluatorName]);
      return toState(spans.rows, scores.rows);
    },
    close: () => client.end(),
  };
}

/** A read-only connection beside the running server (WAL lets it read while the server writes). */
export async function sqliteReader(dataDir: string, evaluatorName: string): Promise<StoreReader> {
  const db = new Database(join(dataDir, 'kaizen.db'), { readonly: true });
  db.pragma('busy_timeout = 5000');
  const count = db.prepare(`${COUNT_SQL}?`);
  return {
    async countScores() {
      return Number((count.get(evaluatorName) as { n: number }).n);
    },
    async read() {
      const spans = db.prepare(SPANS_SQL).all() as SpanRow[];
      const scores = db.prepare(`${SCORES_SQL}?`).all(evaluatorName) as ScoreRow[];
      return toState(spans, scores);
    },
    async close() {
      db.close();
    },
  };
}
