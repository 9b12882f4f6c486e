// Finds the JSON objects written inside prompt text: few-shot answers, templates, JSON schemas.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface JsonBlock {
  readonly start: number;
  readonly end: number;
  readonly value: JsonObject;
}

/** The index just past the `}` that balances the `{` at `start`, or -1; braces inside strings do not count. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return -1;
}

function parseObject(source: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(source);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every top-level JSON object in the text that parses, in order.
 *
 * @example
 * findJsonBlocks('Example: {"@type": "Recipe", "name": "Soup"}')[0]?.value; // { '@type': 'Recipe', name: 'Soup' }
 */
export function findJsonBlocks(text: string): JsonBlock[] {
  const blocks: JsonBlock[] = [];
  for (let start = text.indexOf('{'); start !== -1; ) {
    const end = balancedEnd(text, start);
    const value = end === -1 ? undefined : parseObject(text.slice(start, end));
    if (value !== undefined) blocks.push({ start, end, value });
    start = text.indexOf('{', value !== undefined ? end : start + 1);
  }
  return blocks;
}
