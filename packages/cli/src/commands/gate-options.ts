// The flags of `kaizen gate`, checked before anything runs: version-or-label references, the regression margin and
// the label to promote.
import { KaizenError, LABEL_PATTERN } from '@kaizen/core';
import type { DatasetSplit } from '@kaizen/sdk';
import type { ConnectionFlags } from '../connect.js';
import { parsePositiveInteger } from '../parse-options.js';
import { parseSplit } from './datasets-options.js';

export interface GateFlags extends ConnectionFlags {
  prompt: string;
  candidate: string;
  baseline: string;
  dataset: string;
  datasetVersion?: string;
  split?: string;
  evaluator?: string;
  model?: string;
  maxRegression: string;
  promote?: string;
  cache: boolean;
  concurrency: string;
  json?: boolean;
}

/** A prompt version given by number (`4`) or by the label pointing at it (`production`). */
export type PromptRef =
  | { readonly kind: 'version'; readonly version: number }
  | { readonly kind: 'label'; readonly label: string };

export interface GatePlan {
  readonly candidate: PromptRef;
  readonly baseline: PromptRef;
  readonly datasetVersion: number | 'latest';
  readonly split: DatasetSplit | null;
  /** Percentage points a significant drop may reach before it fails the gate. */
  readonly maxRegression: number;
  readonly promote: string | null;
  readonly concurrency: number;
}

/**
 * All digits is a version number; anything else is a label (so a label named `3` cannot be gated by name).
 *
 * @example
 * parsePromptRef('4', '--candidate'); // { kind: 'version', version: 4 }
 * parsePromptRef('production', '--baseline'); // { kind: 'label', label: 'production' }
 */
export function parsePromptRef(value: string, flag: string): PromptRef {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return { kind: 'version', version: parsePositiveInteger(trimmed, flag) };
  if (!LABEL_PATTERN.test(trimmed)) {
    throw new KaizenError(
      'invalid_input',
      `${flag} takes a version number or a label (lowercase letters, digits, ".", "_", "-"), got "${value}"`,
    );
  }
  return { kind: 'label', label: trimmed };
}

export function parseMaxRegression(value: string): number {
  const points = Number(value);
  if (value.trim() === '' || !Number.isFinite(points) || points < 0 || points > 100) {
    throw new KaizenError(
      'invalid_input',
      `--max-regression takes percentage points between 0 and 100 (e.g. 2 for two points), got "${value}"`,
    );
  }
  return points;
}

function parsePromote(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!LABEL_PATTERN.test(value)) {
    throw new KaizenError(
      'invalid_input',
      `--promote takes a label such as staging or production (lowercase letters, digits, ".", "_", "-"), got "${value}"`,
    );
  }
  return value;
}

/** Every flag checked, so a typo exits 2 before a model is called. */
export function planGate(flags: GateFlags): GatePlan {
  return {
    candidate: parsePromptRef(flags.candidate, '--candidate'),
    baseline: parsePromptRef(flags.baseline, '--baseline'),
    datasetVersion:
      flags.datasetVersion === undefined ? 'latest' : parsePositiveInteger(flags.datasetVersion, '--dataset-version'),
    split: flags.split === undefined ? null : parseSplit(flags.split),
    maxRegression: parseMaxRegression(flags.maxRegression),
    promote: parsePromote(flags.promote),
    concurrency: parsePositiveInteger(flags.concurrency, '--concurrency'),
  };
}
