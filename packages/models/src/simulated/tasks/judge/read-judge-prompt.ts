// Reads a judge prompt: the criteria (id + yes/no question) and the subject (output, input, expected answer).

export interface JudgeCriterion {
  readonly id: string;
  readonly question: string;
}

export interface JudgeSubject {
  readonly output: string | undefined;
  readonly input: string | undefined;
  /** The expected or reference answer, when the prompt gives one. */
  readonly reference: string | undefined;
}

const SUBJECT = {
  output: 'output|response|answer|completion|candidate',
  input: 'input|question|prompt|query',
  reference: 'expected(?: output| answer)?|reference(?: answer)?|gold|ideal answer',
};
const HEADER = new RegExp(
  String.raw`^(?:#{1,6}\s*|\*\*)?(${SUBJECT.output}|${SUBJECT.input}|${SUBJECT.reference}|criteria|checklist|questions|rubric)(?:\*\*)?(?:[ \t]*:\**[ \t]*|[ \t]*$)`,
  'gim',
);

function jsonCriteria(value: unknown): JudgeCriterion[] | undefined {
  const list = Array.isArray(value) ? value : (value as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(list)) return undefined;
  const criteria = list.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const id = record.id ?? record.name ?? record.key;
    const question = record.question ?? record.text ?? record.description ?? record.criterion;
    return typeof id === 'string' && typeof question === 'string' ? [{ id, question }] : [];
  });
  return criteria.length > 0 ? criteria : undefined;
}

function fromJson(text: string): JudgeCriterion[] | undefined {
  for (const match of text.matchAll(
    /```(?:json)?\s*\n([\s\S]*?)\n```|(\[\s*\{[\s\S]*?\}\s*\])|(\{\s*"criteria"[\s\S]*\})/g,
  )) {
    try {
      const found = jsonCriteria(JSON.parse(match[1] ?? match[2] ?? match[3] ?? ''));
      if (found !== undefined) return found;
    } catch {
      // not JSON: try the next candidate
    }
  }
  return undefined;
}

/** The criteria section: from a "Criteria" heading to the next subject heading; else the text without its subject. */
function criteriaText(text: string): string {
  const headers = [...text.matchAll(HEADER)];
  const start = headers.findIndex((header) => /^(?:criteria|checklist|questions|rubric)$/i.test(header[1] ?? ''));
  const header = headers[start];
  if (header !== undefined) return text.slice(header.index, headers[start + 1]?.index ?? text.length);
  const subject = headers[0];
  return subject === undefined ? text : text.slice(0, subject.index);
}

/**
 * Criteria, in prompt order: Kaizen's own `1. id "x": question` lines, lines `- [id] question` (also `*`, `1.`), lines `id: question` (under a "Criteria"
 * heading), or a JSON list of `{ id, question }` (also `name`/`text`/`description`), bare or under `criteria`.
 * @example
 * readCriteria('Criteria:\n- [polite] Is the reply polite?\n- [json] Is the output valid JSON?');
 * // [{ id: 'polite', question: 'Is the reply polite?' }, { id: 'json', question: 'Is the output valid JSON?' }]
 */
export function readCriteria(text: string): JudgeCriterion[] {
  const section = criteriaText(text);
  // Kaizen's own judge prompt (core's buildJudgeMessages): `1. id "polite": Is the reply polite?`.
  const quoted = [...section.matchAll(/^\s*(?:[-*•]|\d+[.)])?\s*id\s+("(?:[^"\\\n]|\\.)*")\s*:\s*(.+?)\s*$/gm)].flatMap(
    (match) => {
      try {
        return [{ id: String(JSON.parse(match[1] ?? '""')), question: (match[2] ?? '').trim() }];
      } catch {
        return [];
      }
    },
  );
  if (quoted.length > 0) return quoted;
  const bracketed = [...section.matchAll(/^\s*(?:[-*•]|\d+[.)])?\s*\[([^\]\n]+)\]\s*:?\s*(.+?)\s*$/gm)].map(
    (match) => ({
      id: (match[1] ?? '').trim(),
      question: (match[2] ?? '').trim(),
    }),
  );
  if (bracketed.length > 0) return bracketed;
  const json = fromJson(text);
  if (json !== undefined) return json;
  const subject = new RegExp(
    `^(?:${SUBJECT.output}|${SUBJECT.input}|${SUBJECT.reference}|criteria|checklist|questions|rubric)$`,
    'i',
  );
  // Without a "Criteria" heading, only questions count: "Note: answer in JSON." is not a criterion.
  const headed = /^(?:#{1,6}\s*|\*\*)?(?:criteria|checklist|questions|rubric)\b/i.test(section);
  return section.split('\n').flatMap((line) => {
    const match = /^\s*(?:[-*•]|\d+[.)])?\s*([A-Za-z][\w.-]{0,63})\s*:\s*(.+?)\s*$/.exec(line);
    if (match === null || subject.test(match[1] ?? '') || (!headed && !(match[2] ?? '').endsWith('?'))) return [];
    return [{ id: match[1] ?? '', question: match[2] ?? '' }];
  });
}

function tagged(text: string, names: string): string | undefined {
  const match = new RegExp(String.raw`<(${names.replace(/ /g, '_')})>\n?([\s\S]*?)\n?</\1>`, 'i').exec(text);
  return match?.[2];
}

/** Keys of the expected answer in a JSON subject: part of the judge's own prompt, not of any dataset. */
const REFERENCE_KEYS = ['expected', 'reference'];

/** `{"input": …, "output": …, "expected": …}` anywhere in the prompt (values that are not strings are stringified). */
function jsonSubject(text: string): Record<keyof typeof SUBJECT, string | undefined> | undefined {
  for (const match of text.matchAll(/\{[^{}]*"output"\s*:[\s\S]*?\}(?=\s*(?:\n|$|```))/g)) {
    try {
      const value = JSON.parse(match[0]) as Record<string, unknown>;
      const asText = (field: unknown) =>
        field === undefined ? undefined : typeof field === 'string' ? field : JSON.stringify(field);
      return {
        output: asText(value.output),
        input: asText(value.input),
        reference: asText(REFERENCE_KEYS.map((key) => value[key]).find((field) => field !== undefined)),
      };
    } catch {
      // not a JSON subject
    }
  }
  return undefined;
}

/**
 * The subject: `<output>…</output>` tags, or sections headed "Output:", "Input:", "Expected:" (also "## Output",
 * "**Response:**"; the text runs to the next heading), or a JSON object with `input`/`output`/`expected` keys.
 * @example
 * readSubject('Input: Hi\nOutput: Hello! How can I help?').output; // 'Hello! How can I help?'
 */
export function readSubject(text: string): JudgeSubject {
  const sections = new Map<string, string>();
  const headers = [...text.matchAll(HEADER)];
  headers.forEach((header, index) => {
    const label = (header[1] ?? '').toLowerCase();
    const kind = (Object.keys(SUBJECT) as (keyof typeof SUBJECT)[]).find((key) =>
      new RegExp(`^(?:${SUBJECT[key]})$`, 'i').test(label),
    );
    if (kind === undefined || sections.has(kind)) return;
    const end = headers[index + 1]?.index ?? text.length;
    sections.set(kind, text.slice(header.index + header[0].length, end).trim());
  });
  const json = jsonSubject(text);
  const read = (kind: keyof typeof SUBJECT) => tagged(text, SUBJECT[kind]) ?? sections.get(kind) ?? json?.[kind];
  return { output: read('output'), input: read('input'), reference: read('reference') };
}
