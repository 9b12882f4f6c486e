// Operator: turn a failed criterion into an instruction appended to the system message (no model involved).
import type { CheckSpec } from '../../evaluation/check-spec.js';
import type { Criterion } from '../../evaluation/checklist.js';
import type { PromptContent } from '../../prompts/prompt.js';
import {
  makeEdit,
  type OperatorOptions,
  type PromptCandidate,
  stableStringify,
  systemText,
  templateText,
  withSystemText,
} from './candidate.js';

export const CRITERION_TO_INSTRUCTION = 'criterion-to-instruction';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  hi: 'Hindi',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  nl: 'Dutch',
  pl: 'Polish',
  pt: 'Portuguese',
  ru: 'Russian',
  sv: 'Swedish',
  tr: 'Turkish',
  uk: 'Ukrainian',
  'zh-cn': 'Simplified Chinese',
  'zh-tw': 'Traditional Chinese',
};

/** Annotation keys that do not constrain the output; dropped from schemas shown to the model. */
const SCHEMA_ANNOTATIONS = new Set(['$schema', '$id', '$comment']);

/**
 * The instruction a criterion's check suggests, or null when none helps (a bound the answer cannot influence, an
 * empty description). Deterministic: the same criterion always gives the same text.
 */
export function instructionForCriterion(criterion: Criterion): string | null {
  // A description states what a good answer does ("Uses only facts on the page"): said to the model as an imperative.
  const fromDescription = (): string | null => judgeInstruction(criterion.description, '');
  const check: CheckSpec = criterion.check;
  switch (check.kind) {
    case 'json_valid':
      return 'Respond with JSON only, no prose or code fences.';
    case 'json_schema':
      if (typeof check.schema === 'boolean') return check.schema ? null : fromDescription();
      return `Respond with JSON matching this schema: ${compactSchema(check.schema)}`;
    case 'field_equals':
      return 'value' in check.expected
        ? `In the JSON output, set ${check.path} to ${JSON.stringify(check.expected.value) ?? 'null'}.`
        : withPath(check.path, rawDescription(criterion.description));
    case 'field_matches':
      return `In the JSON output, ${check.path} must be a string matching the regular expression /${check.pattern}/${check.flags ?? ''}.`;
    case 'contains': {
      const values = check.values.map((value) => JSON.stringify(value)).join(', ');
      if (check.values.length === 0) return null;
      if (check.values.length === 1) return `Include ${values} in your answer.`;
      return check.match === 'any'
        ? `Include at least one of ${values} in your answer.`
        : `Include all of ${values} in your answer.`;
    }
    case 'not_contains': {
      if (check.values.length === 0) return null;
      const values = check.values.map((value) => JSON.stringify(value)).join(', ');
      return check.values.length === 1
        ? `Never include ${values} in your answer.`
        : `Never include any of ${values} in your answer.`;
    }
    case 'regex':
      return `Your answer must match the regular expression /${check.pattern}/${check.flags ?? ''}.`;
    case 'max_tokens':
      if (check.tokens === 'input') return null;
      if (check.tokens === 'output') {
        return `Be brief: keep your answer under ${check.max} tokens (about ${Math.max(1, Math.floor(check.max * 0.75))} words).`;
      }
      return 'Be brief: answer as concisely as possible.';
    case 'output_language': {
      const name = LANGUAGE_NAMES[check.language.toLowerCase()];
      return name === undefined ? `Respond in the language whose code is "${check.language}".` : `Respond in ${name}.`;
    }
    case 'llm_judge':
      return judgeInstruction(criterion.description, check.question);
    case 'tool_called':
      return `Call the tool "${check.tool}".`;
    case 'tool_not_called':
      return `Do not call the tool "${check.tool}".`;
    default:
      return fromDescription();
  }
}

/**
 * Appends the instruction for a failed criterion to the system message (creating one when the template has none).
 * Returns null when the criterion suggests no instruction, or when an equivalent one is already in the template
 * (so applying it twice changes nothing).
 */
export function criterionToInstruction(
  content: PromptContent,
  criterion: Criterion,
  options?: OperatorOptions,
): PromptCandidate | null {
  const instruction = instructionForCriterion(criterion);
  if (instruction === null) return null;
  if (hasEquivalentInstruction(content, criterion.check, instruction)) return null;
  const current = systemText(content);
  const next =
    current === null || current.trim() === '' ? instruction : `${current.replace(/\s+$/, '')}\n${instruction}`;
  return {
    content: withSystemText(content, next),
    edit: makeEdit(
      'system',
      CRITERION_TO_INSTRUCTION,
      `Instruction for failed criterion "${criterion.id}": ${instruction}`,
      options,
    ),
  };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function hasEquivalentInstruction(content: PromptContent, check: CheckSpec, instruction: string): boolean {
  const text = normalize(templateText(content));
  if (text.includes(normalize(instruction))) return true;
  if (check.kind === 'json_valid') return /\b(json only|only (valid )?json)\b/.test(text);
  return false;
}

function rawDescription(description: string): string | null {
  const text = description.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function withPath(path: string, description: string | null): string {
  return description === null
    ? `In the JSON output, fill ${path} correctly.`
    : `In the JSON output, fill ${path} correctly: ${description}`;
}

function compactSchema(schema: Readonly<Record<string, unknown>>): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([key]) => !SCHEMA_ANNOTATIONS.has(key))
          .map(([key, inner]) => [key, strip(inner)]),
      );
    }
    return value;
  };
  return stableStringify(strip(schema));
}

/**
 * An imperative from a judge criterion. A description in the third person ("Cites its sources") becomes "Cite its
 * sources."; another description ("Polite tone") becomes "Make sure your answer meets this requirement: Polite tone.";
 * without a description, the question is quoted.
 */
function judgeInstruction(description: string, question: string): string | null {
  const text = description
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');
  if (text !== '') {
    const match = /^([A-Z][a-z]+)(\b.*)$/.exec(text);
    const verb = match?.[1];
    if (match !== null && verb !== undefined && isThirdPersonVerb(verb))
      return `${toImperative(verb)}${match[2] ?? ''}.`;
    return `Make sure your answer meets this requirement: ${text}.`;
  }
  const q = question.trim();
  return q === '' ? null : `Make sure the answer to this question is yes: ${q}`;
}

function isThirdPersonVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 4 || !lower.endsWith('s')) return false;
  return !/(ss|us|is|ous)$/.test(lower);
}

function toImperative(verb: string): string {
  const lower = verb.toLowerCase();
  let base: string;
  if (lower === 'does') base = 'do';
  else if (lower === 'has') base = 'have';
  else if (/[^aeiou]ies$/.test(lower)) base = `${lower.slice(0, -3)}y`;
  else if (/(sh|ch|x|z)es$/.test(lower)) base = lower.slice(0, -2);
  else base = lower.slice(0, -1);
  return base.charAt(0).toUpperCase() + base.slice(1);
}
