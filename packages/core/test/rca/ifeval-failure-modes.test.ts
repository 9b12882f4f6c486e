// RCA's failure modes on IFEval's GPT-4 responses agree with the per-instruction-type failure rates computed directly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRootCauses, type RcaItem } from '../../src/index.js';

interface Row {
  readonly key: number;
  readonly instruction_id_list: string[];
  readonly labels: { readonly strict: { readonly per_instruction: boolean[] } } | null;
}

const FIXTURE = new URL('../../../../fixtures/ifeval/ifeval-gpt4.jsonl', import.meta.url);
const rows = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row)
  .filter((row) => row.labels !== null);

describe('RCA on IFEval (GPT-4, strict labels)', () => {
  const types = [...new Set(rows.flatMap((row) => row.instruction_id_list))].sort();
  // Direct count: per instruction type, how many of its occurrences the reference checker marked as not followed.
  const direct = new Map<string, { failed: number; total: number }>();
  const items: RcaItem[] = rows.map((row) => {
    const results: Record<string, 'passed' | 'failed' | 'skipped'> = {};
    for (const type of types) results[type] = 'skipped';
    // A type listed twice in one prompt is one criterion of that item: failed when either occurrence failed.
    row.instruction_id_list.forEach((type, index) => {
      const followed = row.labels?.strict.per_instruction[index] === true;
      results[type] = !followed || results[type] === 'failed' ? 'failed' : 'passed';
    });
    for (const type of new Set(row.instruction_id_list)) {
      const entry = direct.get(type) ?? { failed: 0, total: 0 };
      entry.total += 1;
      if (results[type] === 'failed') entry.failed += 1;
      direct.set(type, entry);
    }
    return { traceId: `ifeval-${row.key}`, startTime: '2023-11-07T00:00:00.000Z', results, features: {} };
  });
  const report = analyzeRootCauses({ items, criteria: types.map((id) => ({ id, weight: 1 })) });

  it('gives the same failure rates and the same ranking by rate', () => {
    const frequent = [...direct.entries()].filter(([, entry]) => entry.total >= 10);
    expect(frequent.length).toBeGreaterThan(10);
    for (const [type, entry] of frequent) {
      const mode = report.failureModes.find((candidate) => candidate.criterionId === type);
      expect(mode, type).toMatchObject({ failures: entry.failed, total: entry.total });
      expect(mode?.failureRate).toBe(entry.failed / entry.total);
    }
    const byRate = (left: [string, number], right: [string, number]): number =>
      right[1] - left[1] || (left[0] < right[0] ? -1 : 1);
    const frequentIds = new Set(frequent.map(([type]) => type));
    const expected = frequent
      .map(([type, entry]) => [type, entry.failed / entry.total] as [string, number])
      .sort(byRate);
    const actual = report.failureModes
      .filter((mode) => frequentIds.has(mode.criterionId))
      .map((mode) => [mode.criterionId, mode.failureRate] as [string, number])
      .sort(byRate);
    expect(actual.map(([type]) => type)).toEqual(expected.map(([type]) => type));
    // With equal weights, lost-score ranking is ranking by failure count.
    const counts = report.failureModes.map((mode) => mode.failures);
    expect(counts).toEqual([...counts].sort((left, right) => right - left));
  });
});
