// A unified line diff of two texts (for DiffView), used to compare two runs' outputs for one item. JSON outputs are
// pretty-printed first, so a one-line JSON answer diffs field by field instead of as one changed line.

type Op = { readonly op: 'equal' | 'delete' | 'insert'; readonly text: string };

/** Above this many cells the middle of the diff (after the common prefix and suffix) is shown as replaced. */
const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

/** Pretty-printed JSON when the text parses as a JSON object or array, else the text as it is. */
export function outputText(text: string | null): string {
  if (text === null) return '';
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return text;
  }
}

/** Longest-common-subsequence edit script of the lines between the common prefix and suffix. */
function diffMiddle(before: readonly string[], after: readonly string[]): Op[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_CELLS) {
    return [
      ...before.map((text) => ({ op: 'delete' as const, text })),
      ...after.map((text) => ({ op: 'insert' as const, text })),
    ];
  }
  const width = m + 1;
  // lengths[i * width + j] = LCS length of before[i..] and after[j..].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ op: 'equal', text: before[i] ?? '' });
      i++;
      j++;
    } else if (j >= m || (i < n && (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))) {
      ops.push({ op: 'delete', text: before[i] ?? '' });
      i++;
    } else {
      ops.push({ op: 'insert', text: after[j] ?? '' });
      j++;
    }
  }
  return ops;
}

function diffLines(before: readonly string[], after: readonly string[]): Op[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const equal = (text: string): Op => ({ op: 'equal', text });
  return [
    ...before.slice(0, start).map(equal),
    ...diffMiddle(before.slice(start, endBefore), after.slice(start, endAfter)),
    ...before.slice(endBefore).map(equal),
  ];
}

/**
 * A unified diff (`---`/`+++` headers, `@@` hunks with three lines of context); '' when the texts are equal.
 * @example
 * lineDiff('a\nb\nc', 'a\nB\nc', { fromLabel: 'baseline', toLabel: 'candidate' });
 * // '--- baseline\n+++ candidate\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c'
 */
export function lineDiff(before: string, after: string, labels: { fromLabel: string; toLabel: string }): string {
  if (before === after) return '';
  const ops = diffLines(before.split('\n'), after.split('\n'));
  const changed = ops.flatMap((op, index) => (op.op === 'equal' ? [] : [index]));
  // Hunks: runs of changes with their context, merged when the context of two runs touches.
  const ranges: [number, number][] = [];
  for (const index of changed) {
    const low = Math.max(0, index - CONTEXT);
    const high = Math.min(ops.length, index + CONTEXT + 1);
    const last = ranges.at(-1);
    if (last !== undefined && low <= last[1]) last[1] = Math.max(last[1], high);
    else ranges.push([low, high]);
  }
  // Line numbers (1-based) of each op on each side, before it.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let oldCount = 1;
  let newCount = 1;
  for (const op of ops) {
    oldLine.push(oldCount);
    newLine.push(newCount);
    if (op.op !== 'insert') oldCount++;
    if (op.op !== 'delete') newCount++;
  }
  const lines = [`--- ${labels.fromLabel}`, `+++ ${labels.toLabel}`];
  for (const [low, high] of ranges) {
    const slice = ops.slice(low, high);
    const olds = slice.filter((op) => op.op !== 'insert').length;
    const news = slice.filter((op) => op.op !== 'delete').length;
    const oldStart = olds === 0 ? (oldLine[low] ?? 1) - 1 : (oldLine[low] ?? 1);
    const newStart = news === 0 ? (newLine[low] ?? 1) - 1 : (newLine[low] ?? 1);
    lines.push(`@@ -${oldStart},${olds} +${newStart},${news} @@`);
    for (const op of slice) lines.push(`${op.op === 'equal' ? ' ' : op.op === 'delete' ? '-' : '+'}${op.text}`);
  }
  return lines.join('\n');
}
