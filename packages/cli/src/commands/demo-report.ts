// How the demo prints its steps for people: scores per criterion, the shadow comparison, and where to look next.
import { formatTable } from '../output.js';
import type { ShadowComparison } from './demo-replay.js';
import type { ScoreSummary } from './demo-scoring.js';
import { percent } from './evaluators-api.js';

const score = (value: number | null) => (value === null ? '-' : value.toFixed(3));
const points = (before: number | null, after: number | null) =>
  before === null || after === null ? '-' : `${after >= before ? '+' : ''}${((after - before) * 100).toFixed(1)} pp`;

/** A numbered step heading, so the long output reads as the story it is. */
export function stepHeading(index: number, total: number, title: string): string {
  return `\n[${index}/${total}] ${title}`;
}

/**
 * @example
 * formatScores('Production', summary); // "Production: 240 traces scored, pass rate 0.0%, mean score 0.190" + a table
 */
export function formatScores(name: string, summary: ScoreSummary): string {
  const rows = summary.criteria.map((criterion) => [
    criterion.criterionId,
    percent(criterion.passRate),
    String(criterion.passed),
    String(criterion.failed),
    String(criterion.errored),
  ]);
  return [
    `${name}: ${summary.traces} traces scored, pass rate ${percent(summary.passRate)}, mean score ${score(summary.meanScore)}`,
    formatTable(['CRITERION', 'PASS RATE', 'PASSED', 'FAILED', 'ERRORED'], rows),
  ].join('\n');
}

/** The replays against their production traces, on the same inputs. */
export function formatShadow(comparison: ShadowComparison, productionVersion: number, shadowVersion: number): string {
  const before = `PRODUCTION v${productionVersion}`;
  const after = `SHADOW v${shadowVersion}`;
  const rows = comparison.criteria.map((criterion) => [
    criterion.criterionId,
    percent(criterion.production),
    percent(criterion.shadow),
    points(criterion.production, criterion.shadow),
  ]);
  rows.push(
    [
      'pass rate',
      percent(comparison.production.passRate),
      percent(comparison.shadow.passRate),
      points(comparison.production.passRate, comparison.shadow.passRate),
    ],
    ['mean score', score(comparison.production.meanScore), score(comparison.shadow.meanScore), ''],
  );
  return [
    `Shadow vs production on the same ${comparison.pairs} production inputs (each replay scored online like production):`,
    formatTable(['CRITERION', before, after, 'Δ'], rows),
  ].join('\n');
}

export interface WhereToLook {
  readonly url: string;
  readonly apiKey: string;
  readonly project: string;
  readonly promptName: string;
  readonly stagingVersion: number | null;
}

/** The URL, the key to sign in with, and what each page of the app now shows. */
export function formatWhereToLook(where: WhereToLook): string {
  return [
    `Open ${where.url} and sign in with this API key (project ${where.project}):`,
    `  ${where.apiKey}`,
    'What to look at:',
    '  Traces         a day of production traffic, then the shadow replays (filter by environment)',
    '  Dashboard      scores and pass rates per hour, per criterion',
    '  Insights       the root-cause report: causes, drivers, evidence traces',
    '  Optimizations  the run: candidates, accepted edits, diffs, validation and holdout tables',
    `  Prompts        ${where.promptName}: production → v1${where.stagingVersion === null ? '' : `, staging → v${where.stagingVersion}`}, and the label history`,
    'The same API answers the CLI:',
    `  KAIZEN_URL=${where.url} KAIZEN_API_KEY=${where.apiKey} npx kaizen traces list --environment shadow`,
  ].join('\n');
}
