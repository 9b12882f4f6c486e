// The ifeval bench task: IFEval prompts, one criterion per instruction class present in the item.
import {
  type Checklist,
  type Criterion,
  checkIfevalInstruction,
  type DatasetItem,
  type EvaluationSubject,
} from '@kaizen/core';
import { createSimulatedModel, type SimulatedOptions } from '@kaizen/models';
import { type BenchTask, shorten } from './bench-task.js';
import { readFixture } from './read-jsonl.js';
import { dealItems } from './split-items.js';

interface IfevalRecord {
  readonly id: string;
  readonly prompt: string;
  readonly instruction_id_list: readonly string[];
  readonly kwargs: readonly Record<string, unknown>[];
  readonly response: string;
  readonly labels: { readonly strict: { readonly follow_all: boolean } } | null;
}

interface Instruction {
  readonly id: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
}

/** GPT-4's failure rates × 2.5: a weaker, 8B-class model, so that a system prompt has something to fix. */
export const IFEVAL_FAILURE_SCALE = 2.5;

/** IFEval's instruction classes with what a user would say each one means. */
const CLASSES = {
  keywords:
    'Uses the requested words: includes the required keywords (as often as asked), avoids forbidden words, meets letter counts',
  language: 'Answers in the language the request asks for',
  length_constraints: 'Meets the requested length: number of words, sentences or paragraphs',
  detectable_content: 'Includes the requested elements: [placeholders] in square brackets, a postscript',
  detectable_format:
    'Follows the requested format: bullet points, highlighted sections, a title, numbered sections, JSON, one of the given answer options',
  combination: 'Handles combined requests: repeats the request first, or gives two responses, when asked',
  startend: 'Starts and ends as requested: the exact closing phrase, the whole answer in double quotation marks',
  change_case: 'Uses the requested letter case: all lowercase, all capitals, or a limited number of capitalized words',
  punctuation: 'Uses no commas when asked not to',
} as const;
type InstructionClass = keyof typeof CLASSES;

const classOf = (id: string): string => id.slice(0, id.indexOf(':'));

/** The item's instructions of one class, from its metadata. */
function instructionsOf(subject: EvaluationSubject, name: InstructionClass): readonly Instruction[] {
  const byClass = subject.metadata?.instructions as Readonly<Record<string, readonly Instruction[]>> | undefined;
  return byClass?.[name] ?? [];
}

function classCriterion(name: InstructionClass): Criterion {
  return {
    id: name,
    description: CLASSES[name],
    weight: 1,
    check: {
      kind: 'custom',
      fn: (subject) => {
        const broken = instructionsOf(subject, name).filter(
          (instruction) => !checkIfevalInstruction(instruction.id, instruction.kwargs, subject.output, 'strict'),
        );
        // The rationale in the words of core's own `ifeval` check, one clause per broken instruction.
        return broken.length === 0
          ? { passed: true }
          : {
              passed: false,
              rationale: broken.map((instruction) => `does not follow ${instruction.id} (strict)`).join('; '),
            };
      },
    },
    appliesWhen: { path: `$.metadata.instructions.${name}`, exists: true },
  };
}

export const IFEVAL_CHECKLIST: Checklist = {
  name: 'ifeval-instructions',
  description: 'Answer the request and follow every verifiable instruction in it',
  passThreshold: 1,
  criteria: (Object.keys(CLASSES) as InstructionClass[]).map(classCriterion),
};

export const IFEVAL_START = {
  template: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: '{{prompt}}' },
  ],
  variables: ['prompt'],
  outputSchema: null,
  model: 'sim:ifeval',
  params: { temperature: 0 },
  tools: [],
  examples: [],
} as const satisfies BenchTask['start'];

export const IFEVAL_SEEDS = [0, 1] as const;

function toItem(record: IfevalRecord): DatasetItem & { readonly id: string; readonly record: IfevalRecord } {
  const instructions: Record<string, Instruction[]> = {};
  record.instruction_id_list.forEach((id, index) => {
    const kwargs = Object.fromEntries(Object.entries(record.kwargs[index] ?? {}).filter(([, value]) => value !== null));
    const list = instructions[classOf(id)] ?? [];
    list.push({ id, kwargs });
    instructions[classOf(id)] = list;
  });
  return {
    id: record.id,
    record,
    itemId: record.id,
    input: { prompt: record.prompt },
    metadata: { instructions },
    sourceTraceId: null,
    split: 'train',
  };
}

/**
 * 541 prompts → 60 train / 60 validation / 120 holdout, stratified by the first instruction's class; the other 301
 * are the fresh sample of the soundness check, run with two seeds.
 */
export function ifevalTask(): BenchTask {
  const records = readFixture('ifeval/ifeval-gpt4.jsonl') as IfevalRecord[];
  const items = records.map(toItem);
  const parts = dealItems(items, (item) => classOf(item.record.instruction_id_list[0] ?? ''), 'ifeval', {
    train: 60,
    validation: 60,
    holdout: 120,
    fresh: items.length - 240,
  });
  const split = (list: readonly ReturnType<typeof toItem>[], name: DatasetItem['split']): DatasetItem[] =>
    list.map(({ itemId, input, metadata, sourceTraceId }) => ({ itemId, input, metadata, sourceTraceId, split: name }));
  const byId = new Map(items.map((item) => [item.itemId, item.record]));
  // GPT-4's own answers that followed every instruction: what a user would pick as demonstrations.
  const reference = (item: DatasetItem): IfevalRecord | null => {
    const record = byId.get(item.itemId);
    return record?.labels?.strict.follow_all === true ? record : null;
  };
  const options = { failureScale: IFEVAL_FAILURE_SCALE } satisfies SimulatedOptions;
  return {
    name: 'ifeval',
    checklist: IFEVAL_CHECKLIST,
    start: IFEVAL_START,
    splits: {
      train: split(parts.train, 'train'),
      validation: split(parts.validation, 'validation'),
      holdout: split(parts.holdout, 'holdout'),
    },
    fresh: {
      items: split(parts.fresh, 'holdout'),
      seeds: IFEVAL_SEEDS,
      note: `the ${parts.fresh.length} prompts no split uses × seeds ${IFEVAL_SEEDS.join(', ')}`,
    },
    model: createSimulatedModel('ifeval', options),
    modelNote: `sim:ifeval, failureScale ${IFEVAL_FAILURE_SCALE} (GPT-4's per-type failure rates × ${IFEVAL_FAILURE_SCALE}, capped at 0.95: an 8B-class model)`,
    fewShot(item) {
      const record = reference(item);
      return record === null ? null : { input: { prompt: record.prompt }, output: record.response };
    },
    exemplar(item) {
      const record = reference(item);
      return record === null ? null : { input: record.prompt, expected: shorten(record.response, 1200) };
    },
  };
}
