// Reproduces IFEval's GPT-4 results: our checks against the reference checker's labels and the paper's table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type IfevalItem, scoreIfeval } from '../../src/index.js';

interface LabelledRow {
  readonly key: number;
  readonly prompt: string;
  readonly instruction_id_list: string[];
  readonly kwargs: Record<string, unknown>[];
  readonly response: string;
  readonly labels: {
    readonly strict: { readonly per_instruction: boolean[] };
    readonly loose: { readonly per_instruction: boolean[] };
  } | null;
}

const FIXTURE = new URL('../../../../fixtures/ifeval/ifeval-gpt4.jsonl', import.meta.url);
const rows: LabelledRow[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledRow);

// The data has all 541 prompts, but the labelled copy of the reference checker's output dropped one (key 2785), so
// agreement and the accuracies are computed over the 540 labelled prompts. The paper's figures are over 541; one
// prompt moves a prompt-level figure by at most 0.19 points, well inside the 1-point tolerance.
const labelled = rows.filter((row) => row.labels !== null);
const items: IfevalItem[] = labelled.map((row) => ({
  instructionIds: row.instruction_id_list,
  kwargs: row.kwargs,
  response: row.response,
  prompt: row.prompt,
}));
const score = scoreIfeval(items);

interface Disagreement {
  readonly key: number;
  readonly instructionId: string;
  readonly mode: 'strict' | 'loose';
  readonly reference: boolean;
  readonly ours: boolean;
}

const disagreements: Disagreement[] = [];
for (const [index, row] of labelled.entries()) {
  const result = score.items[index];
  if (row.labels === null || result === undefined) continue;
  for (const [position, instructionId] of row.instruction_id_list.entries()) {
    for (const mode of ['strict', 'loose'] as const) {
      const reference = row.labels[mode].per_instruction[position];
      const ours = result[mode][position];
      if (reference !== undefined && ours !== undefined && reference !== ours) {
        disagreements.push({ key: row.key, instructionId, mode, reference, ours });
      }
    }
  }
}

function agreement(mode: 'strict' | 'loose'): number {
  return 1 - disagreements.filter((disagreement) => disagreement.mode === mode).length / score.instructionCount;
}

const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;

describe('IFEval reproduction on 540 labelled GPT-4 responses', () => {
  it('reads the fixture: 541 prompts, 540 labelled, 832 labelled instructions', () => {
    expect(rows).toHaveLength(541);
    expect(score.promptCount).toBe(540);
    expect(score.instructionCount).toBe(832);
  });

  it('agrees with the reference on at least 99% of instructions, strict and loose (every disagreement printed)', () => {
    console.log(`IFEval: ${disagreements.length} disagreements with the reference checker`);
    for (const { key, instructionId, mode, reference, ours } of disagreements) {
      console.log(`  key ${key} ${instructionId} [${mode}] reference=${reference} ours=${ours}`);
    }
    console.log(
      `IFEval agreement: strict ${percent(agreement('strict'))}, loose ${percent(agreement('loose'))}; ` +
        `prompt-level strict ${percent(score.promptLevelStrict)}, instruction-level strict ${percent(score.instructionLevelStrict)}, ` +
        `prompt-level loose ${percent(score.promptLevelLoose)}, instruction-level loose ${percent(score.instructionLevelLoose)}`,
    );
    expect(agreement('strict')).toBeGreaterThanOrEqual(0.99);
    expect(agreement('loose')).toBeGreaterThanOrEqual(0.99);
  });

  it("reproduces the paper's GPT-4 row within 1 percentage point", () => {
    expect(Math.abs(score.promptLevelStrict * 100 - 76.9)).toBeLessThanOrEqual(1);
    expect(Math.abs(score.instructionLevelStrict * 100 - 83.6)).toBeLessThanOrEqual(1);
    expect(Math.abs(score.promptLevelLoose * 100 - 79.3)).toBeLessThanOrEqual(1);
    expect(Math.abs(score.instructionLevelLoose * 100 - 85.4)).toBeLessThanOrEqual(1);
  });
});
