// One measured path of bench:eval in its own process, so each path's peak RSS is its own: evaluates N items page by
// page and writes one verdict row per item to SQLite in a transaction per page, then prints its figures as JSON.
//   node --import tsx bench/eval-worker.ts <kaizen|kaizen-async|reference> <N> <database file>
import { readFileSync } from 'node:fs';
import { type ChecklistResult, compileChecklist } from '@kaizen/core';
import Database from 'better-sqlite3';
import { createReferenceEvaluator, EVAL_CHECKLIST, type VerdictRow } from './eval-checklist.js';
import { EVAL_SEED, type EvalItem, generateItems } from './eval-outputs.js';

export type EvalPath = 'kaizen' | 'kaizen-async' | 'reference';

export interface WorkerFigures {
  readonly path: EvalPath;
  readonly n: number;
  /** Evaluating the items, writes excluded. */
  readonly evalSeconds: number;
  /** Inserting the verdict rows (one transaction per page). */
  readonly writeSeconds: number;
  /** VmHWM after imports, compiling the checklist, opening the database and the warm-up. */
  readonly readyRssMb: number;
  /** VmHWM at the end: the process's peak resident set. */
  readonly peakRssMb: number;
  /** Heap still in use after a full GC at the end (with --expose-gc; else null): what the run kept, not its garbage. */
  readonly retainedHeapMb: number | null;
}

const PAGE_SIZE = 500;
const WARMUP_ITEMS = 5_000;
const STATUS_LETTER = { passed: 'P', failed: 'F', skipped: 'S', errored: 'E' } as const;

function vmHwmMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

function rowOf(id: number, result: ChecklistResult): VerdictRow {
  let statuses = '';
  for (const criterion of result.results) statuses += STATUS_LETTER[criterion.status];
  return { id, passed: result.passed ? 1 : 0, score: result.score, label: result.label, statuses };
}

function subjectOf(item: EvalItem) {
  return { output: item.output, expected: item.expected, latencyMs: item.latencyMs };
}

/** Evaluates one page of items into rows; the same shape for every path. */
function pageEvaluator(path: EvalPath): (items: readonly EvalItem[]) => VerdictRow[] | Promise<VerdictRow[]> {
  if (path === 'reference') {
    const evaluate = createReferenceEvaluator();
    return (items) => items.map(evaluate);
  }
  const compiled = compileChecklist(EVAL_CHECKLIST);
  if (path === 'kaizen-async') {
    return async (items) => {
      const rows: VerdictRow[] = [];
      for (const item of items) rows.push(rowOf(item.id, await compiled.evaluate(subjectOf(item))));
      return rows;
    };
  }
  const evaluateSync = compiled.evaluateSync;
  if (evaluateSync === undefined) throw new Error('the bench checklist has no judged criteria: evaluateSync expected');
  return (items) => items.map((item) => rowOf(item.id, evaluateSync(subjectOf(item))));
}

async function main(): Promise<void> {
  const [path, count, file] = process.argv.slice(2);
  if ((path !== 'kaizen' && path !== 'kaizen-async' && path !== 'reference') || !count || !file) {
    throw new Error('usage: eval-worker.ts <kaizen|kaizen-async|reference> <N> <database file>');
  }
  const n = Number(count);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const table of ['warmup', 'verdicts']) {
    db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, passed INTEGER NOT NULL, score REAL, label TEXT NOT NULL,
      statuses TEXT NOT NULL)`);
  }
  const writer = (table: string) => {
    const insert = db.prepare(`INSERT INTO ${table} VALUES (@id, @passed, @score, @label, @statuses)`);
    return db.transaction((rows: readonly VerdictRow[]) => {
      for (const row of rows) insert.run(row);
    });
  };
  const evaluatePage = pageEvaluator(path);

  // Warm-up on other items (another seed), through the same evaluate-and-write path, so the JIT has settled.
  const writeWarmup = writer('warmup');
  for (let start = 0; start < WARMUP_ITEMS; start += PAGE_SIZE) {
    writeWarmup(await evaluatePage(generateItems(start, PAGE_SIZE, EVAL_SEED + 1)));
  }
  const readyRssMb = vmHwmMb();

  // Items are generated a page at a time outside the timed section: the input never sits whole in memory, as when a
  // worker reads a dataset or a trace view page by page.
  const writeVerdicts = writer('verdicts');
  let evalSeconds = 0;
  let writeSeconds = 0;
  for (let start = 0; start < n; start += PAGE_SIZE) {
    const items = generateItems(start, Math.min(PAGE_SIZE, n - start), EVAL_SEED);
    const began = performance.now();
    const rows = await evaluatePage(items);
    const evaluated = performance.now();
    writeVerdicts(rows);
    writeSeconds += (performance.now() - evaluated) / 1000;
    evalSeconds += (evaluated - began) / 1000;
  }
  db.close();
  const peakRssMb = vmHwmMb();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const retainedHeapMb = gc === undefined ? null : process.memoryUsage().heapUsed / 1024 / 1024;
  const figures: WorkerFigures = { path, n, evalSeconds, writeSeconds, readyRssMb, peakRssMb, retainedHeapMb };
  console.log(JSON.stringify(figures));
}

await main();
