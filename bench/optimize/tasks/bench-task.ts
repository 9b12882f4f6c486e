// What the optimization bench needs from a task: split items, a checklist, the start prompt and the simulated model.
import type { Checklist, DatasetItem, PromptContent, PromptExample } from '@kaizen/core';
import type { createSimulatedModel } from '@kaizen/models';

export type SimulatedModel = ReturnType<typeof createSimulatedModel>;

export interface TaskSplits {
  readonly train: readonly DatasetItem[];
  readonly validation: readonly DatasetItem[];
  readonly holdout: readonly DatasetItem[];
}

/** A reference pair a user could show an optimizer: the input as text and the answer they want. */
export interface Exemplar {
  readonly input: string;
  readonly expected: string;
}

export interface BenchTask {
  readonly name: 'schemaorg' | 'ifeval';
  readonly checklist: Checklist;
  /** The deliberately weak one-line start prompt. */
  readonly start: PromptContent;
  readonly splits: TaskSplits;
  /**
   * The large fresh sample of the soundness check, never shown to any optimizer, and how many seeds of the simulated
   * call each item is run with (the seed changes the simulator's noise draws).
   */
  readonly fresh: { readonly items: readonly DatasetItem[]; readonly seeds: readonly number[]; readonly note: string };
  /** The simulated task model with this task's settings. */
  readonly model: SimulatedModel;
  /** For the output: which simulated model, with which settings and why. */
  readonly modelNote: string;
  /** A train item's reference answer as a few-shot demonstration, or null when the item has none. */
  fewShot(item: DatasetItem): PromptExample | null;
  /** A train item as an exemplar of an OPRO-style rewrite request, or null when it has no reference answer. */
  exemplar(item: DatasetItem): Exemplar | null;
}

/** Long values cut in the middle, as the optimizer protocol shortens inputs. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 5) / 2);
  return `${text.slice(0, half)} […] ${text.slice(text.length - half)}`;
}
