// Operator: combine two candidates' complementary edits to the same base with a line-level three-way merge.
import type { ChatTemplateMessage, PromptContent } from '../../prompts/prompt.js';
import { type PromptCandidate, type PromptEdit, stableStringify } from './candidate.js';

export const MERGE = 'merge';

/** A change to a sequence: `base[start, end)` replaced by `lines`. */
interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

/** The hunks turning `base` into `next`, from a longest common subsequence. */
function diff(base: readonly string[], next: readonly string[]): Hunk[] {
  const n = base.length;
  const m = next.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => lcs[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i];
    if (row === undefined) continue;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = base[i] === next[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let start = -1;
  let added: string[] = [];
  const flush = () => {
    if (start >= 0) hunks.push({ start, end: i, lines: added });
    start = -1;
    added = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && base[i] === next[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || at(i, j + 1) >= at(i + 1, j))) {
      if (start < 0) start = i;
      added.push(next[j] ?? '');
      j++;
    } else {
      if (start < 0) start = i;
      i++;
    }
  }
  flush();
  return hunks;
}

function sameHunk(a: Hunk, b: Hunk): boolean {
  return a.start === b.start && a.end === b.end && a.lines.join('\n') === b.lines.join('\n');
}

function overlaps(a: Hunk, b: Hunk): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** Three-way merge of sequences; null when the two sides change the same place differently. */
export function mergeLines(base: readonly string[], a: readonly string[], b: readonly string[]): string[] | null {
  const fromA = diff(base, a);
  const fromB: Hunk[] = [];
  const combined = new Map<Hunk, Hunk>();
  for (const hunk of diff(base, b)) {
    if (fromA.some((other) => sameHunk(hunk, other))) continue;
    const clash = fromA.find((other) => overlaps(hunk, other));
    if (clash === undefined) {
      fromB.push(hunk);
      continue;
    }
    // Two insertions at the same place (two instructions appended to the same message) both stay, a's first:
    // the usual union merge for lists of instructions — a line both insert once. Any other overlap is a conflict.
    const isInsertion = (h: Hunk) => h.start === h.end;
    if (!isInsertion(hunk) || !isInsertion(clash)) return null;
    const already = combined.get(clash) ?? clash;
    const added = hunk.lines.filter((line) => !already.lines.includes(line));
    combined.set(clash, { start: clash.start, end: clash.end, lines: [...already.lines, ...added] });
  }
  const hunks = [...fromA.map((hunk) => combined.get(hunk) ?? hunk), ...fromB].sort(
    (x, y) => x.start - y.start || x.end - y.end,
  );
  const out: string[] = [];
  let position = 0;
  for (const hunk of hunks) {
    out.push(...base.slice(position, hunk.start), ...hunk.lines);
    position = hunk.end;
  }
  out.push(...base.slice(position));
  return out;
}

/** Template as lines; a chat message starts with a marker line holding its role. */
const MARKER = '\u0000';

function templateLines(template: PromptContent['template']): string[] {
  if (typeof template === 'string') return template.split('\n');
  return template.flatMap((message) => [`${MARKER}${message.role}`, ...message.content.split('\n')]);
}

function parseTemplate(lines: readonly string[]): PromptContent['template'] | null {
  const first = lines[0];
  if (first === undefined || !first.startsWith(MARKER)) {
    return lines.some((line) => line.startsWith(MARKER)) ? null : lines.join('\n');
  }
  const messages: ChatTemplateMessage[] = [];
  let role: ChatTemplateMessage['role'] | null = null;
  let body: string[] = [];
  const push = () => {
    if (role !== null) messages.push({ role, content: body.join('\n') });
  };
  for (const line of lines) {
    if (line.startsWith(MARKER)) {
      push();
      const name = line.slice(1);
      if (name !== 'system' && name !== 'user' && name !== 'assistant') return null;
      role = name;
      body = [];
    } else body.push(line);
  }
  push();
  return messages;
}

/** Merges a list of JSON-comparable items (tools, examples) element-wise, as lines. */
function mergeItems<T>(base: readonly T[], a: readonly T[], b: readonly T[]): T[] | null {
  const key = (items: readonly T[]) => items.map(stableStringify);
  const byKey = new Map<string, T>();
  for (const item of [...base, ...a, ...b]) byKey.set(stableStringify(item), item);
  const merged = mergeLines(key(base), key(a), key(b));
  if (merged === null) return null;
  return merged.map((k) => byKey.get(k) as T);
}

/** The value one side changed, the same when both agree, or the `conflict` symbol. */
const CONFLICT = Symbol('conflict');
function pick<T>(base: T, a: T, b: T): T | typeof CONFLICT {
  const [kb, ka, kB] = [stableStringify(base), stableStringify(a), stableStringify(b)];
  if (ka === kb) return b;
  if (kB === kb || kB === ka) return a;
  return CONFLICT;
}

/**
 * Combines two candidates derived from the same `base`: every added, removed or changed line of the template (and
 * every added or changed tool or example) from both is applied. Null when they conflict — both change the same
 * lines, or the same setting, differently. The merged edit names both edits in `mergedFrom`.
 */
export function mergeCandidates(base: PromptContent, a: PromptCandidate, b: PromptCandidate): PromptCandidate | null {
  const lines = mergeLines(
    templateLines(base.template),
    templateLines(a.content.template),
    templateLines(b.content.template),
  );
  if (lines === null) return null;
  const template = parseTemplate(lines);
  if (template === null) return null;
  const tools = mergeItems(base.tools, a.content.tools, b.content.tools);
  const examples = mergeItems(base.examples, a.content.examples, b.content.examples);
  if (tools === null || examples === null) return null;
  const variables = pick(base.variables, a.content.variables, b.content.variables);
  const outputSchema = pick(base.outputSchema, a.content.outputSchema, b.content.outputSchema);
  const model = pick(base.model, a.content.model, b.content.model);
  const params = pick(base.params, a.content.params, b.content.params);
  if (variables === CONFLICT || outputSchema === CONFLICT || model === CONFLICT || params === CONFLICT) return null;
  const edit: PromptEdit = {
    part: a.edit.part,
    operator: MERGE,
    description: `${a.edit.description} + ${b.edit.description}`,
    ...(a.edit.causeId !== undefined && a.edit.causeId === b.edit.causeId ? { causeId: a.edit.causeId } : {}),
    mergedFrom: [a.edit, b.edit],
  };
  return { content: { template, variables, outputSchema, model, params, tools, examples }, edit };
}
