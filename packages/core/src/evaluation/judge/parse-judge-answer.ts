// Strict parsing of the judge's reply: anything but one well-formed answer per asked id is an error, never a verdict.

export interface JudgeAnswer {
  readonly answer: 'yes' | 'no';
  readonly rationale: string;
}

export type ParsedJudgeReply =
  | { readonly ok: true; readonly answers: ReadonlyMap<string, JudgeAnswer> }
  | { readonly ok: false; readonly error: string };

// The one wrapper tolerated: a whole reply fenced as ```json … ```. It is unambiguous; prose around JSON is not.
const FENCE = /^```(?:json)?[ \t]*\n([\s\S]*)\n```$/;

function fail(error: string): ParsedJudgeReply {
  return { ok: false, error };
}

/**
 * @example
 * parseJudgeReply('{"answers":[{"id":"polite","answer":"yes","rationale":"Says please."}]}', ['polite']).ok; // true
 * parseJudgeReply('Sure! {"answers":[…]}', ['polite']); // { ok: false, error: 'judge reply is not valid JSON: …' }
 */
export function parseJudgeReply(text: string, ids: readonly string[]): ParsedJudgeReply {
  const trimmed = text.trim();
  const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return fail(`judge reply is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { answers?: unknown }).answers)) {
    return fail('judge reply has no "answers" list');
  }
  const asked = new Set(ids);
  const answers = new Map<string, JudgeAnswer>();
  for (const entry of (value as { answers: unknown[] }).answers) {
    if (typeof entry !== 'object' || entry === null) return fail('judge answer is not an object');
    const { id, answer, rationale } = entry as Record<string, unknown>;
    if (typeof id !== 'string') return fail('judge answer has no string "id"');
    if (!asked.has(id)) return fail(`judge answered an id that was not asked: ${JSON.stringify(id)}`);
    if (answers.has(id)) return fail(`judge answered ${JSON.stringify(id)} twice`);
    // Case is forgiven ("Yes"); anything else ("maybe", true, 1) is not an answer.
    const normalized = typeof answer === 'string' ? answer.trim().toLowerCase() : answer;
    if (normalized !== 'yes' && normalized !== 'no') {
      return fail(`judge answer for ${JSON.stringify(id)} is ${JSON.stringify(answer)}, not "yes" or "no"`);
    }
    if (typeof rationale !== 'string') return fail(`judge answer for ${JSON.stringify(id)} has no string rationale`);
    answers.set(id, { answer: normalized, rationale });
  }
  const missing = ids.filter((id) => !answers.has(id));
  if (missing.length > 0)
    return fail(`judge reply has no answer for ${missing.map((id) => JSON.stringify(id)).join(', ')}`);
  return { ok: true, answers };
}
