// Option values of `kaizen datasets` and `kaizen eval` that commander hands over as strings.
import { KaizenError } from '@kaizen/core';
import type { DatasetFileFormat, DatasetSplit, SampleStrategy } from '@kaizen/sdk';

const SPLITS = ['train', 'validation', 'holdout'] as const;
const STRATEGIES = ['random', 'recent', 'stratified-label', 'stratified-criterion'] as const;
const FORMATS = ['jsonl', 'csv', 'json'] as const;

function oneOf<T extends string>(values: readonly T[], value: string, flag: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new KaizenError('invalid_input', `${flag} must be one of ${values.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export const parseSplit = (value: string, flag = '--split'): DatasetSplit => oneOf(SPLITS, value, flag);
export const parseStrategy = (value: string): SampleStrategy => oneOf(STRATEGIES, value, '--sample');
export const parseFormat = (value: string, flag = '--format'): DatasetFileFormat => oneOf(FORMATS, value, flag);

export function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new KaizenError('invalid_input', `--seed must be an integer, got "${value}"`);
  return seed;
}

/** `0.6,0.2,0.2` → [train, validation, holdout], each in [0, 1], summing to 1. */
export function parseSplitFractions(value: string): [number, number, number] {
  const parts = value.split(',').map((part) => Number(part.trim()));
  const [train, validation, holdout] = parts;
  if (
    parts.length !== 3 ||
    train === undefined ||
    validation === undefined ||
    holdout === undefined ||
    parts.some((part) => !(part >= 0 && part <= 1)) ||
    Math.abs(train + validation + holdout - 1) > 1e-6
  ) {
    throw new KaizenError(
      'invalid_input',
      `--splits takes three fractions summing to 1 (train,validation,holdout), e.g. 0.6,0.2,0.2; got "${value}"`,
    );
  }
  return [train, validation, holdout];
}

export function parseBoolean(value: string, flag: string): boolean {
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  throw new KaizenError('invalid_input', `${flag} must be true or false, got "${value}"`);
}

/** The format of a dataset file: `--format`, else its extension. */
export function formatOfFile(file: string, flag: string | undefined): DatasetFileFormat {
  if (flag !== undefined) return parseFormat(flag);
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  throw new KaizenError(
    'invalid_input',
    `cannot tell the format of ${file} from its extension: pass --format jsonl|csv|json`,
  );
}
