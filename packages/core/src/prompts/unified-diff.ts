// Line and word diffs of two texts: a unified diff (as `diff -u` prints) and word-level runs for inline display.
import { diffSequences, type EditOp } from './diff-sequences.js';

interface Line {
  readonly op: EditOp;
  readonly text: string;
  /** 1-based line numbers in the old and new text (the side the line exists on). */
  readonly oldLine: number;
  readonly newLine: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A unified diff with `context` lines around each change; empty string when the texts are equal.
 *
 * @example
 * unifiedDiff('a\nb\n', 'a\nc\n', { fromLabel: 'v1', toLabel: 'v2' });
 * // '--- v1\n+++ v2\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n'
 */
export function unifiedDiff(
  before: string,
  after: string,
  options: { fromLabel?: string; toLabel?: string; context?: number } = {},
): string {
  const context = options.context ?? 3;
  const lines: Line[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const edit of diffSequences(splitLines(before), splitLines(after))) {
    for (const text of edit.items) {
      if (edit.op !== 'insert') oldLine++;
      if (edit.op !== 'delete') newLine++;
      lines.push({ op: edit.op, text, oldLine, newLine });
    }
  }
  const changed = lines.map((line, index) => (line.op === 'equal' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';

  // Group changes whose context windows touch into hunks.
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(lines.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }

  let out = `--- ${options.fromLabel ?? 'before'}\n+++ ${options.toLabel ?? 'after'}\n`;
  for (const [start, end] of hunks) {
    const slice = lines.slice(start, end + 1);
    const oldCount = slice.filter((line) => line.op !== 'insert').length;
    const newCount = slice.filter((line) => line.op !== 'delete').length;
    const first = slice[0] as Line;
    // Line numbers as diff -u prints them: the first line of the hunk on each side (0 when that side is empty).
    const oldStart = oldCount === 0 ? first.oldLine : first.op === 'insert' ? first.oldLine + 1 : first.oldLine;
    const newStart = newCount === 0 ? first.newLine : first.op === 'delete' ? first.newLine + 1 : first.newLine;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    for (const line of slice) out += `${line.op === 'equal' ? ' ' : line.op === 'delete' ? '-' : '+'}${line.text}\n`;
  }
  return out;
}

export interface WordEdit {
  readonly op: EditOp;
  readonly text: string;
}

/**
 * Word-level runs (whitespace kept as its own tokens, so joining the non-deleted runs gives the new text back).
 *
 * @example
 * wordDiff('Answer in JSON', 'Answer only in JSON');
 * // [{op:'equal',text:'Answer '}, {op:'insert',text:'only '}, {op:'equal',text:'in JSON'}]
 */
export function wordDiff(before: string, after: string): WordEdit[] {
  const tokenize = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];
  return diffSequences(tokenize(before), tokenize(after)).map((edit) => ({ op: edit.op, text: edit.items.join('') }));
}
