// Reads and validates IFEval kwargs; bad or missing ones are invalid input (the Python checker would draw random ones).
import { KaizenError } from '../../errors/kaizen-error.js';
import type { IfevalCheckContext } from './check-types.js';

/** IFEval's two comparison relations: `less than` is `actual < n`, `at least` is `actual >= n`. */
export type IfevalRelation = 'less than' | 'at least';

function fail(key: string, expected: string, value: unknown): never {
  throw new KaizenError('invalid_input', `IFEval kwarg "${key}" must be ${expected}, got ${JSON.stringify(value)}`);
}

/** A count or threshold: the reference draws a random one when it is missing or negative. */
export function readInteger(context: IfevalCheckContext, key: string): number {
  const value = context.kwargs[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(key, 'a non-negative integer', value);
  return value;
}

export function readString(context: IfevalCheckContext, key: string): string {
  const value = context.kwargs[key];
  if (typeof value !== 'string' || value.length === 0) fail(key, 'a non-empty string', value);
  return value;
}

export function readStringList(context: IfevalCheckContext, key: string): string[] {
  const value = context.kwargs[key];
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item !== '')) {
    fail(key, 'a non-empty list of non-empty strings', value);
  }
  return value as string[];
}

export function readRelation(context: IfevalCheckContext, key: string): IfevalRelation {
  const value = context.kwargs[key];
  if (value !== 'less than' && value !== 'at least') fail(key, '"less than" or "at least"', value);
  return value;
}

/**
 * @example
 * compare(3, 'less than', 4); // true: 3 < 4
 * compare(4, 'at least', 4); // true: 4 >= 4
 */
export function compare(actual: number, relation: IfevalRelation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}
