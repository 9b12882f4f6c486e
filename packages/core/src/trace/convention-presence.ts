// Which conventions' attributes a span carries, found in one pass over its keys, so absent ones are not consulted.
import type { OtlpSpan } from './otlp-span.js';

export interface ConventionPresence {
  /** `kaizen.*` */
  readonly kaizen: boolean;
  /** `langfuse.*` */
  readonly langfuse: boolean;
  /** `ai.*` (Vercel AI SDK) */
  readonly aiSdk: boolean;
  /** `gen_ai.*`, or any span event (GenAI content events) */
  readonly genAi: boolean;
  /** `llm.*`, `input.*`/`output.*` values, `session.id`, `user.id`, `metadata` */
  readonly openInference: boolean;
  /** `traceloop.*`, `llm.usage.total_tokens` */
  readonly traceloop: boolean;
}

const OPENINFERENCE_KEYS: ReadonlySet<string> = new Set([
  'input.value',
  'input.mime_type',
  'output.value',
  'output.mime_type',
  'session.id',
  'user.id',
  'metadata',
]);

/**
 * Each convention mapper reads only the keys of its family (above), so a span without any of them gets nothing from
 * it and normalizeSpan skips it: most spans carry one or two conventions, and each mapper looks up tens of keys.
 *
 * @example
 * conventionPresence(span).genAi; // true when any attribute starts with `gen_ai.` or the span has events
 */
export function conventionPresence(span: OtlpSpan): ConventionPresence {
  let kaizen = false;
  let langfuse = false;
  let aiSdk = false;
  let genAi = span.events.length > 0;
  let openInference = false;
  let traceloop = false;
  for (const key of Object.keys(span.attributes)) {
    if (key.startsWith('gen_ai.')) genAi = true;
    else if (key.startsWith('llm.')) {
      openInference = true;
      if (key === 'llm.usage.total_tokens') traceloop = true;
    } else if (key.startsWith('ai.')) aiSdk = true;
    else if (key.startsWith('kaizen.')) kaizen = true;
    else if (key.startsWith('langfuse.')) langfuse = true;
    else if (key.startsWith('traceloop.')) traceloop = true;
    else if (OPENINFERENCE_KEYS.has(key)) openInference = true;
  }
  return { kaizen, langfuse, aiSdk, genAi, openInference, traceloop };
}
