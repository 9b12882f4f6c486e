// Derives RCA features from a trace: model, prompt, environment, length buckets, tools, error types, metadata,
// template variables, detected input language and content type.
import { detectLanguage } from '../evaluation/ifeval/detect-language.js';
import type { Span, SpanIO } from '../trace/span.js';
import type { TraceSummary } from '../trace/trace-summary.js';

export interface RcaFeatureOptions {
  /** Upper bounds (characters) of the `short` and `medium` buckets (default [200, 2000]). */
  readonly lengthBuckets?: readonly [number, number];
  /** Values longer than this are left out: they would never reach minimum support (default 64). */
  readonly maxValueLength?: number;
}

const METADATA_PREFIXES = ['kaizen.metadata.', 'langfuse.trace.metadata.', 'ai.telemetry.metadata.'] as const;
const VARIABLE_KEYS = ['kaizen.prompt.variables', 'llm.prompt_template.variables'] as const;

function text(io: SpanIO | null): string {
  if (io === null) return '';
  return typeof io === 'string' ? io : io.map((message) => message.content).join('\n');
}

function bucket(length: number, [short, medium]: readonly [number, number]): string {
  return length === 0 ? 'empty' : length <= short ? 'short' : length <= medium ? 'medium' : 'long';
}

function contentType(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return 'empty';
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(trimmed);
      return 'json';
    } catch {
      // Not JSON after all: fall through to the other shapes.
    }
  }
  if (/^<[a-z!?]/i.test(trimmed)) return 'html';
  if (trimmed.includes('```')) return 'code';
  return 'text';
}

function objectOf(value: unknown): Record<string, unknown> | null {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/**
 * @example
 * extractRcaFeatures(spans, summarizeTrace(spans));
 * // { model: 'gpt-4o-mini', promptVersion: '3', inputLength: 'long', language: 'de', 'tool.search': 'used', … }
 */
export function extractRcaFeatures(
  spans: readonly Span[],
  summary: TraceSummary,
  options: RcaFeatureOptions = {},
): Record<string, string> {
  const buckets = options.lengthBuckets ?? [200, 2000];
  const maxLength = options.maxValueLength ?? 64;
  const features: Record<string, string> = {};
  const set = (name: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined && value.length <= maxLength) features[name] = value;
  };
  set('model', summary.models[0]);
  set('promptName', summary.promptName);
  set('promptVersion', summary.promptVersion);
  set('environment', summary.environment);
  const ordered = [...spans].sort((left, right) => (left.startTime < right.startTime ? -1 : 1));
  const root = ordered.find((span) => span.parentSpanId === null) ?? ordered[0];
  const firstModelCall = ordered.find((span) => span.kind === 'llm');
  const input = text(root?.input ?? null) || text(firstModelCall?.input ?? null);
  const output = text(root?.output ?? null) || text(firstModelCall?.output ?? null);
  set('inputLength', bucket(input.length, buckets));
  set('outputLength', bucket(output.length, buckets));
  set('language', input.trim() === '' ? null : (detectLanguage(input) ?? 'unknown'));
  set('contentType', contentType(input));
  const errorTypes = new Set<string>();
  for (const span of ordered) {
    if (span.kind === 'tool') set(`tool.${span.name}`, 'used');
    for (const message of Array.isArray(span.output) ? span.output : []) {
      for (const call of message.toolCalls ?? []) set(`tool.${call.name}`, 'used');
    }
    if (span.status === 'error') errorTypes.add(scalar(span.attributes['error.type']) ?? 'error');
    for (const [key, value] of Object.entries(span.attributes)) {
      const prefix = METADATA_PREFIXES.find((candidate) => key.startsWith(candidate));
      if (prefix !== undefined) set(`metadata.${key.slice(prefix.length)}`, scalar(value));
    }
    for (const key of VARIABLE_KEYS) {
      for (const [name, value] of Object.entries(objectOf(span.attributes[key]) ?? {}))
        set(`variable.${name}`, scalar(value));
    }
  }
  set('errorType', errorTypes.size === 0 ? 'none' : [...errorTypes].sort().join(','));
  return features;
}
