// A small JSONPath subset, compiled once: `$`, `.name`, `['name']`, `["name"]`, `[0]`, `[-1]` (from the end).
import { KaizenError } from '../errors/kaizen-error.js';

/** Returned by `readJsonPath` when the path does not exist (distinct from a present `null`). */
export const MISSING: unique symbol = Symbol('missing');

export type JsonPathSegment = string | number;

export interface JsonPath {
  readonly source: string;
  readonly segments: readonly JsonPathSegment[];
}

const DOT_NAME = /^\.([^.[\]\s'"]+)/;
const INDEX = /^\[(-?\d+)\]/;
const QUOTED = /^\[(['"])((?:\\.|(?!\1)[^\\])*)\1\]/;

/**
 * Parses a path; anything outside the subset (wildcards, filters, slices) throws `KaizenError('invalid_input')`.
 * @example
 * compileJsonPath("$.offers[0]['@type']").segments; // ['offers', 0, '@type']
 */
export function compileJsonPath(source: string): JsonPath {
  if (typeof source !== 'string' || !source.startsWith('$')) {
    throw new KaizenError('invalid_input', `JSON path must start with "$", got ${JSON.stringify(source)}`);
  }
  const segments: JsonPathSegment[] = [];
  let rest = source.slice(1);
  while (rest.length > 0) {
    const dot = DOT_NAME.exec(rest);
    const index = dot === null ? INDEX.exec(rest) : null;
    const quoted = dot === null && index === null ? QUOTED.exec(rest) : null;
    if (dot?.[1] !== undefined) segments.push(dot[1]);
    else if (index?.[1] !== undefined) segments.push(Number(index[1]));
    else if (quoted?.[2] !== undefined) segments.push(quoted[2].replace(/\\(.)/g, '$1'));
    else {
      throw new KaizenError(
        'invalid_input',
        `JSON path ${JSON.stringify(source)} is not supported at ${JSON.stringify(rest)}: use $.name, $['name'] or $[0]`,
      );
    }
    rest = rest.slice((dot ?? index ?? quoted)?.[0].length ?? rest.length);
  }
  return { source, segments };
}

/**
 * The value at a path, or `MISSING`. Only own properties are read, so `$.constructor` is missing, not a function.
 * @example
 * readJsonPath({ a: [1, 2] }, compileJsonPath('$.a[-1]')); // 2
 * readJsonPath({ a: null }, compileJsonPath('$.a.b')); // MISSING
 */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current: unknown = value;
  for (const segment of path.segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return MISSING;
      const index = segment < 0 ? current.length + segment : segment;
      if (index < 0 || index >= current.length) return MISSING;
      current = current[index];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return MISSING;
      if (!Object.hasOwn(current, segment)) return MISSING;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
