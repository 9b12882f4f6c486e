// bench:eval — realistic schema.org extraction outputs through an eight-criterion deterministic checklist with Kaizen's
// compileChecklist + evaluateSync, next to a plain loop doing the same checks with JSON.parse, ajv and RegExp.
//
// Each path runs in its own `node` process (bench/eval-worker.ts), so each peak RSS (VmHWM) belongs to one path at one
// N. Items are generated a page of 500 at a time outside the timed section, and each page's verdicts are written to a
// SQLite table (one row per item, one transaction per page) by both paths alike: "evaluations/s" counts evaluated and
// written items. The run fails (exit 1) unless both paths give every item the same statuses, score, verdict and label.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVAL_CHECKLIST, type VerdictRow } from './eval-checklist.js';
import { EVAL_SEED, generateItem } from './eval-outputs.js';
import type { EvalPath, WorkerFigures } from './eval-worker.js';

const HEADLINE_N = Number(process.env.BENCH_EVAL_N ?? 10_000);
const SIZES = [
  ...new Set([...(process.env.BENCH_EVAL_SIZES ?? '2000,10000,50000').split(',').map(Number), HEADLINE_N]),
].sort((a, b) => a - b);
/** Runs of each path at HEADLINE_N (3 at the other sizes), interleaved: the median rate and the highest peak RSS count. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const OTHER_REPEATS = Math.min(REPEATS, 3);
const WORKER = join(import.meta.dirname, 'eval-worker.ts');
const CRITERIA = EVAL_CHECKLIST.criteria.map((criterion) => criterion.id);

function runWorker(path: EvalPath, n: number, file: string): WorkerFigures {
  // BENCH_EVAL_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the Kaizen workers.
  const extra = path === 'reference' ? [] : (process.env.BENCH_EVAL_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const stdout = execFileSync(
    process.execPath,
    [...extra, '--expose-gc', '--import', 'tsx', WORKER, path, String(n), file],
    {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as WorkerFigures;
}

function readVerdicts(file: string): VerdictRow[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT id, passed, score, label, statuses FROM verdicts ORDER BY id').all() as VerdictRow[];
  db.close();
  return rows;
}

/** Every item's statuses, score, verdict and label must be equal; returns the differences found. */
function compareVerdicts(n: number, kaizen: readonly VerdictRow[], reference: readonly VerdictRow[]): string[] {
  const problems: string[] = [];
  if (kaizen.length !== n || reference.length !== n) {
    problems.push(`expected ${n} rows, Kaizen wrote ${kaizen.length}, the reference ${reference.length}`);
  }
  for (let index = 0; index < Math.min(kaizen.length, reference.length); index += 1) {
    const ours = kaizen[index];
    const theirs = reference[index];
    if (ours === undefined || theirs === undefined) continue;
    const sameScore =
      ours.score === theirs.score ||
      (ours.score !== null && theirs.score !== null && Math.abs(ours.score - theirs.score) < 1e-12);
    if (
      ours.id !== theirs.id ||
      ours.passed !== theirs.passed ||
      ours.label !== theirs.label ||
      ours.statuses !== theirs.statuses ||
      !sameScore
    ) {
      problems.push(`item ${ours.id}: Kaizen ${JSON.stringify(ours)}, reference ${JSON.stringify(theirs)}`);
    }
  }
  return problems;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const rate = (figures: WorkerFigures): number => figures.n / (figures.evalSeconds + figures.writeSeconds);
const evalOnlyRate = (figures: WorkerFigures): number => figures.n / figures.evalSeconds;
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const peakOf = (runs: readonly WorkerFigures[]): number => Math.max(...runs.map((figures) => figures.peakRssMb));
const retainedOf = (runs: readonly WorkerFigures[]): number =>
  Math.max(...runs.map((figures) => figures.retainedHeapMb ?? Number.NaN));

function describeRuns(runs: readonly WorkerFigures[]): string {
  const ready = Math.max(...runs.map((figures) => figures.readyRssMb));
  return `${Math.round(median(runs.map(rate)))} evals/s, peak RSS ${peakOf(runs).toFixed(1)} MB (${ready.toFixed(1)} after warm-up), heap kept ${retainedOf(runs).toFixed(1)} MB`;
}

/** What the items look like through the checklist: pass rate and, per criterion, the share failed or skipped. */
function describeDataset(rows: readonly VerdictRow[]): { passRate: number; line: string } {
  const passRate = rows.filter((row) => row.passed === 1).length / rows.length;
  const perCriterion = CRITERIA.map((id, index) => {
    const failed = rows.filter((row) => row.statuses[index] === 'F').length / rows.length;
    const skipped = rows.filter((row) => row.statuses[index] === 'S').length / rows.length;
    return `${id} ${(failed * 100).toFixed(0)}%${skipped > 0 ? ` (+${(skipped * 100).toFixed(0)}% skipped)` : ''}`;
  });
  return { passRate, line: `${(passRate * 100).toFixed(1)}% pass; failed per criterion: ${perCriterion.join(', ')}` };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-bench-eval-'));
  let failures = 0;
  try {
    const sample = generateItem(0, EVAL_SEED);
    console.log(
      `bench:eval — schema.org JSON-LD outputs through "${EVAL_CHECKLIST.name}" (${CRITERIA.length} criteria: ${CRITERIA.join(', ')}), N = ${SIZES.join(', ')}; each path in its own process; verdicts written to SQLite per 500 items`,
    );
    console.log(`item 0 (${sample.expected.type}, ${sample.output.length} chars, ${sample.latencyMs} ms)`);

    const byN = new Map<number, { kaizen: WorkerFigures[]; reference: WorkerFigures[] }>();
    let run = 0;
    let description: { passRate: number; line: string } | null = null;
    for (const n of SIZES) {
      const runs = { kaizen: [] as WorkerFigures[], reference: [] as WorkerFigures[] };
      for (let repeat = 0; repeat < (n === HEADLINE_N ? REPEATS : OTHER_REPEATS); repeat += 1) {
        const kaizenFile = join(dir, `kaizen-${run}.db`);
        const referenceFile = join(dir, `reference-${run}.db`);
        run += 1;
        // Alternate which path goes first, so neither always runs on the warmer machine.
        const order: EvalPath[] = repeat % 2 === 0 ? ['kaizen', 'reference'] : ['reference', 'kaizen'];
        for (const path of order) {
          const figures = runWorker(path, n, path === 'kaizen' ? kaizenFile : referenceFile);
          (path === 'kaizen' ? runs.kaizen : runs.reference).push(figures);
        }
        const referenceRows = readVerdicts(referenceFile);
        const problems = compareVerdicts(n, readVerdicts(kaizenFile), referenceRows);
        if (n === HEADLINE_N && description === null) description = describeDataset(referenceRows);
        failures += problems.length;
        for (const problem of problems.slice(0, 5)) {
          const id = Number(/item (\d+)/.exec(problem)?.[1] ?? -1);
          console.error(`MISMATCH ${problem}${id >= 0 ? `\n  output: ${generateItem(id, EVAL_SEED).output}` : ''}`);
        }
        rmSync(kaizenFile, { force: true });
        rmSync(referenceFile, { force: true });
      }
      byN.set(n, runs);
      console.log(`N=${n}: Kaizen ${describeRuns(runs.kaizen)} | reference ${describeRuns(runs.reference)}`);
    }

    // The asynchronous entry point (what a checklist with judged or async custom criteria uses), one item at a time.
    const asyncFile = join(dir, 'kaizen-async.db');
    const asyncFigures = runWorker('kaizen-async', HEADLINE_N, asyncFile);
    const asyncReferenceFile = join(dir, 'reference-async.db');
    runWorker('reference', HEADLINE_N, asyncReferenceFile);
    const asyncProblems = compareVerdicts(HEADLINE_N, readVerdicts(asyncFile), readVerdicts(asyncReferenceFile));
    failures += asyncProblems.length;
    for (const problem of asyncProblems.slice(0, 5)) console.error(`MISMATCH (evaluate) ${problem}`);

    const headline = byN.get(HEADLINE_N);
    const smallest = byN.get(SIZES[0] ?? HEADLINE_N);
    const largest = byN.get(SIZES.at(-1) ?? HEADLINE_N);
    if (!headline || !smallest || !largest) throw new Error('missing runs');
    // Each repeat runs both paths back to back: the ratio is the median of those pairs' ratios, which a change in the
    // machine's load between repeats (other work on a shared host) moves far less than a ratio of two medians.
    const pairedRatio = (of: (figures: WorkerFigures) => number): number =>
      median(
        headline.kaizen.map((kaizen, index) => {
          const reference = headline.reference[index];
          return reference === undefined ? Number.NaN : of(kaizen) / of(reference);
        }),
      );
    const evalsPerSec = median(headline.kaizen.map(rate));
    const referenceEvalsPerSec = median(headline.reference.map(rate));
    const evalOnlyPerSec = median(headline.kaizen.map(evalOnlyRate));
    const referenceEvalOnlyPerSec = median(headline.reference.map(evalOnlyRate));
    const figures = {
      bench: 'eval',
      n: HEADLINE_N,
      criteria: CRITERIA.length,
      evalsPerSec: Math.round(evalsPerSec),
      referenceEvalsPerSec: Math.round(referenceEvalsPerSec),
      ratio: round(pairedRatio(rate), 3),
      peakRssMb: round(peakOf(headline.kaizen)),
      referencePeakRssMb: round(peakOf(headline.reference)),
      evalOnlyPerSec: Math.round(evalOnlyPerSec),
      referenceEvalOnlyPerSec: Math.round(referenceEvalOnlyPerSec),
      evalOnlyRatio: round(pairedRatio(evalOnlyRate), 3),
      asyncEvalsPerSec: Math.round(rate(asyncFigures)),
      peakRssMbByN: Object.fromEntries(SIZES.map((n) => [n, round(peakOf(byN.get(n)?.kaizen ?? []))])),
      referencePeakRssMbByN: Object.fromEntries(SIZES.map((n) => [n, round(peakOf(byN.get(n)?.reference ?? []))])),
      retainedHeapMbByN: Object.fromEntries(SIZES.map((n) => [n, round(retainedOf(byN.get(n)?.kaizen ?? []))])),
      rssGrowthMb: round(peakOf(largest.kaizen) - peakOf(smallest.kaizen)),
      referenceRssGrowthMb: round(peakOf(largest.reference) - peakOf(smallest.reference)),
      passRate: round(description?.passRate ?? Number.NaN, 3),
      mismatches: failures,
      repeats: REPEATS,
      loadAverage: round(loadavg()[0] ?? 0, 2),
    };
    console.log(`items at N=${HEADLINE_N}: ${description?.line ?? 'n/a'}`);
    console.log(
      `Kaizen (compileChecklist once, evaluateSync per item, SQLite per 500): ${figures.evalsPerSec} evals/s (${figures.evalOnlyPerSec} evaluating only), peak RSS ${figures.peakRssMb} MB; evaluate() one at a time: ${figures.asyncEvalsPerSec} evals/s`,
    );
    console.log(
      `reference (JSON.parse + ajv + RegExp loop, same writes): ${figures.referenceEvalsPerSec} evals/s (${figures.referenceEvalOnlyPerSec} evaluating only), peak RSS ${figures.referencePeakRssMb} MB`,
    );
    console.log(
      `ratio ${figures.ratio} (median of the runs' paired ratios; evaluating only ${figures.evalOnlyRatio}; target ≥ 0.5); peak RSS growth from N=${SIZES[0]} to N=${SIZES.at(-1)}: Kaizen ${figures.rssGrowthMb} MB, reference ${figures.referenceRssGrowthMb} MB; verdict mismatches ${failures} (must be 0); median rate of ${REPEATS} interleaved runs at N=${HEADLINE_N} (${OTHER_REPEATS} at the other sizes), highest peak`,
    );
    console.log(JSON.stringify(figures));
    if (failures !== 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
