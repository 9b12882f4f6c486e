// Reads an output as JSON: the whole text (strict) or the first JSON object/array inside prose or a fence (extract).
import type { JsonMode } from './check-spec.js';

export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

// Bounds the work on pathological prose ("{{{{…"): each candidate start costs a scan to its balanced end.
const MAX_CANDIDATES = 100;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The index just past the bracket that balances the one at `start`, or -1; brackets inside strings are ignored. */
function balancedEnd(text: string, start: number): number {
  const closers: string[] = [];
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{') closers.push('}');
    else if (character === '[') closers.push(']');
    else if (character === '}' || character === ']') {
      if (closers.pop() !== character) return -1;
      if (closers.length === 0) return index + 1;
    }
  }
  return -1;
}

function extractFirstJson(text: string): ParsedJson {
  let candidates = 0;
  for (let start = 0; start < text.length && candidates < MAX_CANDIDATES; start += 1) {
    const character = text[start];
    if (character !== '{' && character !== '[') continue;
    candidates += 1;
    const end = balancedEnd(text, start);
    if (end === -1) continue;
    try {
      return { ok: true, value: JSON.parse(text.slice(start, end)) };
    } catch {
      // Not JSON after all ("[see note]"); try the next bracket.
    }
  }
  return { ok: false, error: 'no complete JSON object or array found in the output' };
}

/**
 * @example
 * parseJsonOutput('{"a":1}', 'strict'); // { ok: true, value: { a: 1 } }
 * parseJsonOutput('Here it is:\n```json\n{"a":1}\n```', 'extract'); // { ok: true, value: { a: 1 } }
 * parseJsonOutput('{"a":', 'strict').ok; // false
 */
export function parseJsonOutput(output: string, mode: JsonMode): ParsedJson {
  if (mode === 'extract') return extractFirstJson(output);
  try {
    return { ok: true, value: JSON.parse(output) };
  } catch (error) {
    return { ok: false, error: `output is not valid JSON: ${errorMessage(error)}` };
  }
}
