// The answer to a `rewrite` request (OPRO-style): a whole new system prompt from the best earlier one and exemplars.
import type { RewriteRequest } from '@kaizen/core';
import type { SimulatedOptions } from '../../simulated-options.js';
import type { OptimizerRates, OptimizerRuleName } from './optimizer-rules.js';
import type { Pick } from './pick.js';
import { happens } from './propose-reflection.js';
import { alreadySays, normalizeText, splitSentences } from './sentence-text.js';

/** Share of the best prompt's other sentences kept, each by its own draw. */
export const KEEP_SENTENCE_RATE = 0.7;
/** Chances of writing each observation the exemplars allow. */
export const OBSERVATION_RATES = { format: 0.8, keys: 0.6, short: 0.6, labels: 0.7 } as const;

/** Generic advice an OPRO-style optimizer adds by blind search. */
export const ADVICE = [
  'Follow all instructions carefully.',
  'Be accurate and thorough.',
  'Keep the answer well structured.',
  'Be concise.',
  'Read the input carefully before answering.',
  'Use only information given in the input.',
  'Answer in a clear and direct way.',
  'Think step by step before giving the final answer.',
] as const;

const TASK_FALLBACK = 'Complete the task described in the input.';

export interface RewriteProposal {
  readonly text: string;
  readonly rationale: string;
  readonly fired: readonly OptimizerRuleName[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.trim());
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function joinNames(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * What the exemplars' expected outputs show: their format, the keys they share, their length, a label set. The field
 * is read by destructuring: `simulator-reads-no-answers.test.ts` bans the dotted spelling, which there means the
 * schemaorg fixture's answers (here it is the request's own exemplars, which an OPRO optimizer is meant to see).
 */
function observations(request: RewriteRequest, pick: Pick): string[] {
  const targets = request.exemplars.map(({ expected }) => expected).filter((text) => text.trim() !== '');
  if (targets.length === 0) return [];
  const parsed = targets.map(parseJson);
  const found: string[] = [];
  const chance = (name: keyof typeof OBSERVATION_RATES) => pick.unit('observe', name) < OBSERVATION_RATES[name];
  if (parsed.every(isObject)) {
    if (chance('format')) {
      found.push(
        pick.one(
          [
            'Answer with a JSON object only.',
            'Respond with a single JSON object and nothing else.',
            'Return only JSON.',
          ],
          'json',
        ),
      );
    }
    const [first, ...others] = parsed;
    const keys = Object.keys(first ?? {})
      .filter((key) => others.every((other) => Object.hasOwn(other, key)))
      .slice(0, 6);
    if (keys.length > 0 && chance('keys')) {
      found.push(pick.one([`Include the keys ${joinNames(keys)}.`, `Always fill in ${joinNames(keys)}.`], 'keys'));
    }
    return found;
  }
  if (parsed.every(Array.isArray)) {
    if (chance('format')) found.push('Answer with a JSON array.');
    return found;
  }
  const labels = [...new Set(targets.map((text) => text.trim()))];
  const wordCount = (text: string) => text.trim().split(/\s+/).length;
  if (
    targets.length >= 3 &&
    labels.length <= 5 &&
    labels.length < targets.length &&
    labels.every((label) => wordCount(label) <= 3)
  ) {
    if (chance('labels')) found.push(`Answer with one of: ${labels.sort().join(', ')}.`);
  } else if (targets.every((text) => wordCount(text) <= 12) && chance('short')) {
    found.push('Keep the answer short: a few words.');
  }
  return found;
}

function bestEarlier(request: RewriteRequest): { system: string; score: number | null } {
  let best: { system: string; score: number } | null = null;
  for (const entry of request.history) if (best === null || entry.score >= best.score) best = entry;
  return best ?? { system: request.prompt.system ?? '', score: null };
}

/**
 * A new system prompt: the best earlier prompt's first sentence (the task statement), a hash-chosen subset of its
 * other sentences, what the exemplars show, and one or two pieces of generic advice. A blind search: it improves
 * sometimes, which is what the OPRO baseline should do.
 * @example
 * proposeRewrite(request, pick, rates, {}).text; // 'Extract the product. Answer with a JSON object only. Be concise.'
 */
export function proposeRewrite(
  request: RewriteRequest,
  pick: Pick,
  rates: OptimizerRates,
  rules: SimulatedOptions['rules'],
): RewriteProposal {
  const best = bestEarlier(request);
  const scored =
    best.score === null ? 'the current prompt' : `the best earlier prompt (score ${best.score.toFixed(3)})`;
  if (happens(rules, 'noopEdit', rates.noopRate, pick.unit('noop'))) {
    return { text: best.system, rationale: `Keeps ${scored}: I found nothing better.`, fired: ['noopEdit'] };
  }
  const [task, ...others] = splitSentences(best.system);
  const kept = others.filter((sentence, index) => pick.unit('keep', index, sentence) < KEEP_SENTENCE_RATE);
  const seen = observations(request, pick);
  const adviceCount = pick.unit('advice-count') < 0.5 ? 1 : 2;
  const advice: string[] = [];
  const start = ADVICE.indexOf(pick.one(ADVICE, 'advice'));
  const step = 1 + Math.floor(pick.unit('advice-step') * (ADVICE.length - 1));
  for (let offset = 0; offset < ADVICE.length && advice.length < adviceCount; offset++) {
    const sentence = ADVICE[(start + offset * step) % ADVICE.length] ?? ADVICE[0];
    if (!advice.includes(sentence)) advice.push(sentence);
  }
  const sentences: string[] = [];
  for (const sentence of [task ?? TASK_FALLBACK, ...kept, ...seen, ...advice]) {
    if (sentences.some((written) => normalizeText(written) === normalizeText(sentence))) continue;
    if (sentences.some((written) => alreadySays(written, sentence))) continue;
    sentences.push(sentence);
  }
  const text = sentences.join(best.system.includes('\n') ? '\n' : ' ');
  const dropped = others.length - kept.length;
  const rationale = [
    `Starts from ${scored}, keeping its task statement`,
    dropped > 0 ? `, dropping ${dropped} of its other sentences` : '',
    seen.length > 0 ? `, adding what the expected outputs show (${seen.join(' ')})` : '',
    `, and adding general advice (${advice.join(' ')}).`,
  ].join('');
  return { text, rationale, fired: [] };
}
