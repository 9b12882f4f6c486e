// Test helper: reads the IFEval fixture (fixtures/ifeval/ifeval-gpt4.jsonl): prompts, instructions, GPT-4's labels.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface IfevalItem {
  readonly key: number;
  readonly prompt: string;
  readonly instruction_id_list: readonly string[];
  /** One kwargs object per instruction, with the fixture's null fields removed. */
  readonly kwargs: readonly Readonly<Record<string, unknown>>[];
  readonly labels: { readonly strict: { readonly per_instruction: readonly boolean[] } } | null;
}

export const IFEVAL_FIXTURE = fileURLToPath(new URL('../../../../fixtures/ifeval/ifeval-gpt4.jsonl', import.meta.url));

/**
 * The 541 prompts. Only tests read the kwargs and labels: the simulator sees the prompt text alone.
 * @example
 * loadIfevalItems().length; // 541
 */
export function loadIfevalItems(path: string = IFEVAL_FIXTURE): IfevalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const item = JSON.parse(line) as IfevalItem;
      const kwargs = item.kwargs.map((entry) =>
        Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== null)),
      );
      return { ...item, kwargs };
    });
}

/** Kwargs compared as IFEval's checks read them: case-insensitive strings, keyword lists in any order. */
export function sameKwargs(left: Readonly<Record<string, unknown>>, right: Readonly<Record<string, unknown>>): boolean {
  const normal = (value: Readonly<Record<string, unknown>>) =>
    JSON.stringify(
      Object.entries(value)
        .map(([key, entry]) => [
          key,
          Array.isArray(entry)
            ? entry.map((item) => String(item).toLowerCase()).sort()
            : typeof entry === 'string'
              ? entry.toLowerCase()
              : entry,
        ])
        .sort(),
    );
  return normal(left) === normal(right);
}
