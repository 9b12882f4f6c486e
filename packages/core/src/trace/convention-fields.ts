// What one instrumentation convention contributes to a span, and how the contributions of several are combined.
import type { Content } from './span-content.js';

/** Fields read by one convention mapper; undefined means "this convention says nothing about it". */
export interface ConventionFields {
  readonly input?: Content | undefined;
  readonly output?: Content | undefined;
  readonly inputTokens?: number | undefined;
  readonly outputTokens?: number | undefined;
  readonly totalTokens?: number | undefined;
  readonly cacheReadTokens?: number | undefined;
  /** Reported by the instrumentation; wins over a cost computed from the price table. */
  readonly costUsd?: number | undefined;
  readonly promptName?: string | undefined;
  readonly promptVersion?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly userId?: string | undefined;
}

type Resolved = { readonly [K in keyof ConventionFields]-?: ConventionFields[K] };

/** Every field once; a field added to ConventionFields does not compile until it is listed here. */
const FIELD_NAMES: Record<keyof ConventionFields, true> = {
  input: true,
  output: true,
  inputTokens: true,
  outputTokens: true,
  totalTokens: true,
  cacheReadTokens: true,
  costUsd: true,
  promptName: true,
  promptVersion: true,
  sessionId: true,
  userId: true,
};
const KEYS = Object.keys(FIELD_NAMES) as (keyof ConventionFields)[];

/**
 * Each field from the first contribution that has it. Field by field, not convention by convention: a span may carry
 * its messages in one convention and its usage in another (the AI SDK writes `ai.*` and `gen_ai.*` side by side).
 *
 * @example
 * mergeConventionFields([{ inputTokens: 5 }, { inputTokens: 7, outputTokens: 2 }]); // inputTokens 5, outputTokens 2
 */
export function mergeConventionFields(contributions: readonly ConventionFields[]): Resolved {
  const merged: Record<string, unknown> = {};
  for (const key of KEYS) {
    for (const contribution of contributions) {
      const value = contribution[key];
      if (value !== undefined) {
        merged[key] = value;
        break;
      }
    }
  }
  return merged as Resolved;
}
