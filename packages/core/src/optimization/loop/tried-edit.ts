// What a reflection that did not help is remembered as: the lines it added to which part, and its minibatch result.
import type { PromptContent } from '../../prompts/prompt.js';
import type { EditablePart, TriedEdit } from '../reflection/reflection-protocol.js';
import { reflectionPrompt } from './prompt-parts.js';

const lines = (text: string | null): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The lines `after` has and `before` lacks, in the first part (system, user, then tools) where it added any; null
 * when it added no line (a pure removal or rewording of lines in place is reported as those new lines).
 * @example
 * triedEdit(best, candidate, { score: 0.5, parentScore: 0.5, n: 3 });
 * // { part: 'system', added: ['Fill in the details.'], outcome: 'minibatch of 3: 0.500 → 0.500, no better' }
 */
export function triedEdit(
  before: PromptContent,
  after: PromptContent,
  minibatch: { readonly score: number; readonly parentScore: number; readonly n: number },
): TriedEdit | null {
  const was = reflectionPrompt(before);
  const now = reflectionPrompt(after);
  const parts: { part: EditablePart; before: string | null; after: string | null }[] = [
    { part: 'system', before: was.system, after: now.system },
    { part: 'user', before: was.user, after: now.user },
    ...now.tools.map((tool) => ({
      part: `tool:${tool.name}` as const,
      before: was.tools.find((old) => old.name === tool.name)?.description ?? null,
      after: tool.description,
    })),
  ];
  for (const { part, before: old, after: next } of parts) {
    const known = new Set(lines(old));
    const added = lines(next).filter((line) => !known.has(line));
    if (added.length === 0) continue;
    const verdict = minibatch.score < minibatch.parentScore ? 'worse' : 'no better';
    return {
      part,
      added,
      outcome: `minibatch of ${minibatch.n}: ${minibatch.parentScore.toFixed(3)} → ${minibatch.score.toFixed(3)}, ${verdict}`,
    };
  }
  return null;
}
