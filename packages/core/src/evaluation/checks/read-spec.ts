// Validation of check specs at compile time: a spec from typed code or from JSON gets the same precise errors.
import type { ExpectedSource, JsonMode } from '../check-spec.js';
import { compileJsonPath, type JsonPath, MISSING, readJsonPath } from '../json-path.js';
import type { CompileContext } from './check-factory.js';
import { type CheckOutcome, errored, errorMessage, skipped } from './check-outcome.js';

export function jsonModeOf(context: CompileContext, mode: unknown): JsonMode {
  if (mode === undefined || mode === 'strict' || mode === 'extract') return mode ?? 'strict';
  return context.invalid(`mode must be "strict" or "extract", got ${JSON.stringify(mode)}`);
}

export function pathOf(context: CompileContext, path: unknown, field = 'path'): JsonPath {
  try {
    return compileJsonPath(path as string);
  } catch (error) {
    return context.invalid(`${field}: ${errorMessage(error)}`);
  }
}

export function stringOf(context: CompileContext, value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') context.invalid(`${field} must be a non-empty string`);
  return value;
}

export function booleanOf(context: CompileContext, value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') context.invalid(`${field} must be true or false`);
  return value;
}

/** A finite number ≥ 0 (budgets, bounds); required: there is no default budget. */
export function limitOf(context: CompileContext, value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    context.invalid(`${field} must be a finite number ≥ 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Compiles once; `g` and `y` are refused because they make `test` depend on the previous item. */
export function regexOf(context: CompileContext, pattern: unknown, flags: unknown): RegExp {
  if (typeof pattern !== 'string') return context.invalid('pattern must be a string');
  if (flags !== undefined && typeof flags !== 'string') return context.invalid('flags must be a string');
  if (flags?.includes('g') === true || flags?.includes('y') === true) {
    return context.invalid('flags "g" and "y" are not allowed: they make matching depend on earlier items');
  }
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    return context.invalid(`invalid regular expression: ${errorMessage(error)}`);
  }
}

/** Reads the value to compare with for one item: a value, or an outcome when there is none to read. */
export type ExpectedReader = (expected: unknown) => { readonly value: unknown } | { readonly outcome: CheckOutcome };

export function expectedOf(context: CompileContext, source: ExpectedSource | undefined): ExpectedReader {
  if (typeof source !== 'object' || source === null) {
    return context.invalid('expected must be { value } or { expectedPath }');
  }
  if ('value' in source && !('expectedPath' in source)) {
    const fixed = { value: source.value };
    return () => fixed;
  }
  if (!('expectedPath' in source) || 'value' in source) {
    return context.invalid('expected must have exactly one of value or expectedPath');
  }
  const path = pathOf(context, source.expectedPath, 'expected.expectedPath');
  return (expected) => {
    // No expected value at all (production traffic) means "not applicable"; a dataset item lacking the path is broken.
    if (expected === undefined) return { outcome: skipped('the item has no expected value') };
    const value = readJsonPath(expected, path);
    if (value === MISSING) return { outcome: errored(`expected value has nothing at ${path.source}`) };
    return { value };
  };
}
