// Reads what failed checks' rationales say (a missing key, invalid JSON, a wrong type…) into instruction hints.
import { LANGUAGES } from './english-words.js';
import type { Pick } from './pick.js';

/** One thing a rationale says the prompt should ask for. */
export interface Hint {
  /** What the hint is about, for counting recurrences and removing duplicates (`field:@context`, `json`). */
  readonly key: string;
  /** Words whose presence in an instruction already covers the hint ("json", "@context"). */
  readonly covers: readonly string[];
  /** The instruction, for the system prompt (or for a tool's description when `forTool`). */
  readonly write: (pick: Pick, forTool: boolean) => string;
}

const JSON_BROKEN =
  /not valid JSON|no complete JSON|Unexpected (?:token|end of JSON|non-whitespace)|JSON at position|Unterminated string|Expected property name|is not JSON/i;

const JSON_SENTENCES = [
  'Answer with valid JSON only, with no text before or after it.',
  'Return only the JSON, with no prose and no code fences around it.',
  'Make sure your whole answer parses as JSON.',
] as const;

/** `$.a.b` → `a.b`, `$['@type']` → `@type`, `$.items[0].name` → `items.name`; null for the root. */
export function fieldName(path: string): string | null {
  const name = path
    .replace(/\[(\d+)\]/g, '')
    .replace(/\[['"]([^'"]+)['"]\]/g, '.$1')
    .replace(/^\$\.?/, '');
  return name === '' ? null : name;
}

const quoted = (name: string) => `"${name}"`;

/**
 * A hint to always include a field (or, for a tool call, an argument).
 * @example
 * fieldHint('@context', null).write(pick, false); // e.g. 'Always include the "@context" field.'
 */
export function fieldHint(name: string, tool: string | null): Hint {
  return {
    key: `field:${name}`,
    covers: [name],
    write: (pick, forTool) =>
      tool !== null
        ? pick.one(
            [
              `Always pass the ${quoted(name)} argument.`,
              `Never call ${forTool ? 'this tool' : tool} without ${quoted(name)}.`,
            ],
            'field-tool',
            name,
          )
        : pick.one(
            [
              `Always include the ${quoted(name)} field.`,
              `Never leave out the ${quoted(name)} field.`,
              `Make sure the JSON always has a ${quoted(name)} key.`,
            ],
            'field',
            name,
          ),
  };
}

function fixed(key: string, covers: readonly string[], text: string): Hint {
  return { key, covers, write: () => text };
}

function listOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The hints in one rationale. The rationales of Kaizen's deterministic checks have fixed shapes (`$.x is missing`,
 * `output is not valid JSON: …`); a judge's free-text rationale gives hints only when it says the output is not JSON.
 * @example
 * hintsFromRationale("$ must have required property 'born'").map((hint) => hint.key); // ['field:born']
 */
export function hintsFromRationale(rationale: string): Hint[] {
  const hints: Hint[] = [];
  const toolCall = /^call \d+ of "([^"]+)": (.*)$/s.exec(rationale);
  const tool = toolCall?.[1] ?? null;
  const text = toolCall?.[2] ?? rationale;

  if (tool !== null && /arguments are not valid JSON/.test(text)) {
    hints.push(fixed(`args-json:${tool}`, ['json'], 'Always pass the arguments as one valid JSON object.'));
  } else if (JSON_BROKEN.test(text)) {
    hints.push({ key: 'json', covers: ['json'], write: (pick) => pick.one(JSON_SENTENCES, 'json') });
  }
  const required = /(\$\S*) must have required property '([^']+)'/.exec(text);
  if (required?.[1] !== undefined && required[2] !== undefined) {
    const parent = fieldName(required[1]);
    hints.push(fieldHint(parent === null ? required[2] : `${parent}.${required[2]}`, tool));
  }
  const missing = /^(\$\S*) is missing$/.exec(text);
  const missingName = missing?.[1] === undefined ? null : fieldName(missing[1]);
  if (missingName !== null) hints.push(fieldHint(missingName, tool));

  const wrongType =
    /^(\$\S*) is .+, not an? (string|number)$/.exec(text) ??
    /^(\$\S*) must be (string|number|integer|boolean|array|object)$/.exec(text);
  const typed = wrongType?.[1] === undefined ? null : fieldName(wrongType[1]);
  if (typed !== null && wrongType?.[2] !== undefined) {
    const type = wrongType[2];
    const article = /^[aeiou]/.test(type) ? 'an' : 'a';
    hints.push(fixed(`type:${typed}`, [typed], `Write ${quoted(typed)} as ${article} ${type}.`));
  }
  const format = /^(\$\S*) must match format "([^"]+)"$/.exec(text);
  const formatted = format?.[1] === undefined ? null : fieldName(format[1]);
  if (formatted !== null && format?.[2] !== undefined) {
    hints.push(fixed(`format:${formatted}`, [formatted], `Write ${quoted(formatted)} in ${format[2]} format.`));
  }
  const value = /^(\$\S*) is (.+), expected (.+)$/.exec(text);
  const valued = value?.[1] === undefined ? null : fieldName(value[1]);
  if (valued !== null && value?.[3] !== undefined) {
    hints.push(fixed(`value:${valued}=${value[3]}`, [valued, value[3]], `Set ${quoted(valued)} to ${value[3]}.`));
  }
  if (/must NOT have additional properties/.test(text)) {
    hints.push(fixed('no-extra-keys', ['additional', 'extra'], 'Do not add keys the format does not ask for.'));
  }
  const absent = /^output does not contain (\[.*\])$/.exec(text);
  for (const needle of listOf(absent?.[1] ?? '[]')) {
    hints.push(fixed(`contains:${needle}`, [needle], `Always include ${quoted(needle)} in your answer.`));
  }
  const present = /^output contains (\[.*\])$/.exec(text);
  for (const needle of listOf(present?.[1] ?? '[]')) {
    hints.push(fixed(`not-contains:${needle}`, [needle], `Never write ${quoted(needle)}.`));
  }
  const pattern = /^output does not match (\/.*\/[a-z]*)$/.exec(text)?.[1];
  if (pattern !== undefined) {
    hints.push(fixed(`regex:${pattern}`, [pattern], `Make sure your answer matches the pattern ${pattern}.`));
  }
  const language = /^output is in "[^"]*", not "([^"]+)"$/.exec(text)?.[1];
  if (language !== undefined) {
    const name = LANGUAGES[language.toLowerCase()] ?? LANGUAGES[language.toLowerCase().slice(0, 2)];
    const said = name ?? `the language with code "${language}"`;
    hints.push(fixed(`language:${language}`, [name ?? language], `Always answer in ${said}.`));
  }
  const notCalled = /^tool "([^"]+)" was not called$/.exec(text)?.[1];
  if (notCalled !== undefined) {
    hints.push({
      key: `call:${notCalled}`,
      covers: [],
      write: (_pick, forTool) =>
        forTool
          ? 'Always call this tool when the request needs it; do not answer from memory instead.'
          : `Call the ${notCalled} tool whenever the request needs it.`,
    });
  }
  const overCalled = /^tool "([^"]+)" was called \d+ time/.exec(text)?.[1];
  if (overCalled !== undefined) {
    hints.push({
      key: `no-call:${overCalled}`,
      covers: [],
      write: (_pick, forTool) =>
        forTool ? 'Only call this tool when it is really needed.' : `Only call ${overCalled} when it is really needed.`,
    });
  }
  if (/^\d+ (?:steps|model calls), more than \d+$/.test(text)) {
    hints.push(fixed('few-steps', ['steps'], 'Answer directly, with as few steps and tool calls as possible.'));
  }
  if (/^(?:latency \(ms\)|cost \(USD\)|(?:output |total )?tokens) \S+ exceeds /.test(text)) {
    hints.push(fixed('brief', ['short', 'brief'], 'Keep your answer short and to the point.'));
  }
  if (/^the final output is empty$/.test(text)) {
    hints.push(fixed('final-answer', ['final answer'], 'Always finish with a final answer in text.'));
  }
  const ifeval = /^does not follow ([a-z_]+):([a-z_]+)/.exec(text);
  if (ifeval?.[2] !== undefined) {
    const words = ifeval[2].replaceAll('_', ' ');
    hints.push(fixed(`ifeval:${ifeval[2]}`, [words], `Follow the request's ${words} instruction exactly.`));
  }
  return hints;
}

/**
 * The hints said by at least half of the rationales and by two of them (by the only one when there is one), in order
 * of first mention: what recurs is a property of the prompt, what one example says may be a fact of that example.
 * @example
 * recurringHints(['$.name is missing', '$.name is missing', '$.sku is missing']).map((hint) => hint.key); // ['field:name']
 */
export function recurringHints(rationales: readonly string[]): Hint[] {
  const counts = new Map<string, { hint: Hint; count: number }>();
  for (const rationale of rationales) {
    const seen = new Set<string>();
    for (const hint of hintsFromRationale(rationale)) {
      if (seen.has(hint.key)) continue;
      seen.add(hint.key);
      const entry = counts.get(hint.key);
      if (entry === undefined) counts.set(hint.key, { hint, count: 1 });
      else entry.count += 1;
    }
  }
  const needed = rationales.length <= 1 ? 1 : Math.max(2, Math.ceil(rationales.length / 2));
  return [...counts.values()].filter((entry) => entry.count >= needed).map((entry) => entry.hint);
}
