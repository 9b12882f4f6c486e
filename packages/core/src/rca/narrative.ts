// Optional narrative of a root-cause report: a short hypothesis per cause written by a model from the statistics and
// evidence. A narrative that cites a trace outside the cause's evidence is dropped; the statistics never change.
import type { ModelPort, ModelPortMessage } from '../ports/model-port.js';
import type { RcaReport, RootCause } from './rca-types.js';

/** What a cause's narrative became: kept text, or why it was dropped. */
export type NarrativeOutcome = { readonly text: string } | { readonly dropped: string };

export type NarratedReport<R extends RcaReport = RcaReport> = R & {
  /** By cause id; only the causes that were narrated (the top `maxCauses`). */
  readonly narratives: Readonly<Record<string, NarrativeOutcome>>;
};

export interface NarrativeOptions {
  /** Causes narrated, in report order. Default 5. */
  readonly maxCauses?: number;
  /** Longest narrative kept, in characters. Default 1200. */
  readonly maxChars?: number;
}

/** The report-wide figures a narrative is written against. */
export type NarrativeContext = Pick<RcaReport, 'totals' | 'failureModes'>;

const DEFAULT_MAX_CAUSES = 5;
const DEFAULT_MAX_CHARS = 1200;
const EXCERPT_CHARS = 400;
const HEX_ID = /\b[0-9a-fA-F]{32}\b/g;
const BRACKETED = /\[([^\]]*)\]/g;

const SYSTEM = [
  'You explain the root cause of failures found by a statistical analysis of scored LLM traces.',
  'Write a hypothesis of 2 to 4 sentences: what the failing traces have in common and why the criteria fail.',
  'Rely only on the statistics and the evidence given; do not invent numbers.',
  'Cite the traces you rely on by their full trace id in square brackets, e.g. [<trace id>], exactly as given.',
  'Cite only trace ids listed in the evidence. Use square brackets for nothing else. Answer with the text only.',
].join(' ');

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const clip = (text: string): string => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);
const qText = (q: number): string => (q < 0.001 ? q.toExponential(1) : q.toFixed(3));

/**
 * The chat messages asking for one cause's narrative.
 *
 * @example
 * const messages = buildNarrativeMessages(report.causes[0]!, report);
 * await port.generate({ messages, temperature: 0 });
 */
export function buildNarrativeMessages(cause: RootCause, context: NarrativeContext): ModelPortMessage[] {
  const lines = [
    `Cause ${cause.id}: an item fails it when any of these criteria fails: ${cause.criteria.join(', ')}.`,
    `Failure rate of the cause: ${percent(cause.failureRate)}; share of the lost score: ${percent(cause.lostScoreShare)}.`,
    `Report: ${context.totals.items} scored items, ${context.totals.failures} criterion failures.`,
  ];
  for (const criterion of cause.criteria) {
    const mode = context.failureModes.find((candidate) => candidate.criterionId === criterion);
    if (mode !== undefined) {
      lines.push(`- criterion ${criterion}: fails ${mode.failures} of ${mode.total} (${percent(mode.failureRate)})`);
    }
  }
  lines.push(cause.drivers.length === 0 ? 'Drivers: none is statistically significant.' : 'Drivers (feature=value):');
  for (const driver of cause.drivers) {
    lines.push(
      `- ${driver.feature}=${driver.value}: lift ${driver.lift.toFixed(2)}, q ${qText(driver.qValue)}, support ` +
        `${driver.support}, failure rate ${percent(driver.failureRateWith)} with vs ${percent(driver.failureRateWithout)} without`,
    );
  }
  lines.push('Failing traces (evidence):');
  for (const trace of cause.evidence.failing) lines.push(`- [${trace.traceId}] ${clip(trace.excerpt)}`);
  lines.push('Closest passing traces (contrast):');
  for (const trace of cause.evidence.passingContrast) lines.push(`- [${trace.traceId}] ${clip(trace.excerpt)}`);
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: lines.join('\n') },
  ];
}

/** Every trace id the text cites: 32-hex ids anywhere, and every token inside square brackets. */
function citedIds(text: string): string[] {
  const cited = new Set<string>();
  for (const match of text.matchAll(HEX_ID)) cited.add(match[0]);
  for (const match of text.matchAll(BRACKETED)) {
    for (const token of (match[1] ?? '').split(/[\s,;]+/)) if (token !== '') cited.add(token);
  }
  return [...cited];
}

/**
 * Keeps a narrative only when it is non-empty, not oversized, and every trace id it cites is in the cause's evidence
 * (failing or passing contrast).
 *
 * @example
 * acceptNarrative(`JSON breaks on German inputs [${id}].`, cause); // { narrative: '…' } when id is evidence
 */
export function acceptNarrative(
  text: string,
  cause: RootCause,
  maxChars = DEFAULT_MAX_CHARS,
): { readonly narrative: string } | { readonly dropped: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { dropped: 'the model answered with empty text' };
  if (trimmed.length > maxChars) return { dropped: `the narrative is ${trimmed.length} characters, over ${maxChars}` };
  const evidence = new Set(
    [...cause.evidence.failing, ...cause.evidence.passingContrast].map((trace) => trace.traceId.toLowerCase()),
  );
  const unknown = citedIds(trimmed).filter((id) => !evidence.has(id.toLowerCase()));
  if (unknown.length > 0) {
    return { dropped: `cites trace ids outside the evidence: ${unknown.slice(0, 5).join(', ')}` };
  }
  return { narrative: trimmed };
}

/**
 * Asks the model for one narrative per cause (the top `maxCauses`), at temperature 0, one call at a time. A failing
 * call or a rejected narrative is recorded as dropped, never thrown; the report's statistics are returned untouched.
 *
 * @example
 * const narrated = await writeNarratives(report, judge);
 * narrated.narratives[report.causes[0]!.id]; // { text } or { dropped }
 */
export async function writeNarratives<R extends RcaReport>(
  report: R,
  port: ModelPort,
  options: NarrativeOptions = {},
): Promise<NarratedReport<R>> {
  const maxCauses = options.maxCauses ?? DEFAULT_MAX_CAUSES;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const narratives: Record<string, NarrativeOutcome> = {};
  for (const cause of report.causes.slice(0, Math.max(0, maxCauses))) {
    try {
      const response = await port.generate({
        messages: buildNarrativeMessages(cause, report),
        temperature: 0,
        maxOutputTokens: 400,
      });
      const accepted = acceptNarrative(response.text, cause, maxChars);
      narratives[cause.id] = 'narrative' in accepted ? { text: accepted.narrative } : accepted;
    } catch (error) {
      narratives[cause.id] = {
        dropped: `the model call failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return { ...report, narratives };
}
