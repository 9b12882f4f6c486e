// Soundness of acceptance: each accepted edit's expected score before and after, measured on a large fresh sample.
import type { EvaluatedItem, PromptContent } from '@kaizen/core';
import { type CountedEvaluate, contentKey, countedEvaluate, meanScore } from './counted-evaluate.js';
import type { BenchTask } from './tasks/bench-task.js';

/** A compression (equal score, fewer tokens) is unsound when the expected score falls by more than this. */
export const COMPRESSION_TOLERANCE = 0.01;

export interface EditToJudge {
  readonly parent: PromptContent;
  readonly child: PromptContent;
  readonly kind: 'improvement' | 'compression';
}

export interface SoundnessReport {
  readonly accepted: number;
  /** Improvements whose expected score did not rise, plus compressions whose expected score fell beyond tolerance. */
  readonly unsound: number;
  readonly unsoundShare: number | null;
  readonly deltas: readonly number[];
}

/** Scores prompts on the task's fresh sample, every item under every seed; each prompt is run once. */
export class ExpectedScorer {
  private readonly ports: CountedEvaluate[];
  private readonly memo = new Map<string, Promise<number>>();

  constructor(private readonly task: BenchTask) {
    this.ports = task.fresh.seeds.map((seed) => countedEvaluate(task, seed));
  }

  get sampleSize(): number {
    return this.task.fresh.items.length * this.task.fresh.seeds.length;
  }

  score(content: PromptContent): Promise<number> {
    const key = contentKey(content);
    let found = this.memo.get(key);
    if (found === undefined) {
      found = this.measure(content);
      this.memo.set(key, found);
    }
    return found;
  }

  private async measure(content: PromptContent): Promise<number> {
    const items: EvaluatedItem[] = [];
    for (const port of this.ports) items.push(...(await port.evaluate(content, this.task.fresh.items)).items);
    return meanScore({ items, cost: { calls: 0, paidCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 } });
  }
}

/**
 * @example
 * const report = await judgeEdits(scorer, [{ parent, child, kind: 'improvement' }]);
 * report.unsoundShare; // 0 when every accepted improvement raised the expected score
 */
export async function judgeEdits(scorer: ExpectedScorer, edits: readonly EditToJudge[]): Promise<SoundnessReport> {
  const deltas: number[] = [];
  let unsound = 0;
  for (const edit of edits) {
    const delta = (await scorer.score(edit.child)) - (await scorer.score(edit.parent));
    deltas.push(delta);
    if (edit.kind === 'improvement' ? delta <= 0 : delta < -COMPRESSION_TOLERANCE) unsound++;
  }
  return {
    accepted: edits.length,
    unsound,
    unsoundShare: edits.length === 0 ? null : unsound / edits.length,
    deltas,
  };
}

/** Items passing under `before` and failing under `after`, out of the items `after` was run on. */
export function brokenCount(
  before: readonly EvaluatedItem[],
  after: readonly EvaluatedItem[],
): { readonly broken: number; readonly n: number } {
  const passedBefore = new Map(before.map((item) => [item.itemId, item.passed]));
  const broken = after.filter((item) => passedBefore.get(item.itemId) === true && !item.passed).length;
  return { broken, n: after.length };
}

/** `brokenCount` as a share (0 for no items). */
export function brokenShare(before: readonly EvaluatedItem[], after: readonly EvaluatedItem[]): number {
  const { broken, n } = brokenCount(before, after);
  return n === 0 ? 0 : broken / n;
}
