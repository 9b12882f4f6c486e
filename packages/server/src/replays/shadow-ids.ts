// The shadow trace's ids, derived from (experiment, source trace): an execution that resumes after a crash writes the
// same span again, which the store counts as a duplicate of its (trace id, span id) instead of adding a second trace.
import { createHash } from 'node:crypto';

export interface ShadowIds {
  /** 32 lowercase hex characters. */
  readonly traceId: string;
  /** 16 lowercase hex characters. */
  readonly spanId: string;
}

/**
 * sha256 of `kaizen-replay\n<experimentId>\n<sourceTraceId>`: the first 32 hex characters are the trace id, the next
 * 16 the span id (never all zeros in practice; OTLP reserves those).
 * @example
 * shadowIds('0b6c…', '4bf92f3577b34da6a3ce929d0e0e4736'); // { traceId: '…32 hex…', spanId: '…16 hex…' }
 */
export function shadowIds(experimentId: string, sourceTraceId: string): ShadowIds {
  const hex = createHash('sha256').update(`kaizen-replay\n${experimentId}\n${sourceTraceId}`).digest('hex');
  return { traceId: hex.slice(0, 32), spanId: hex.slice(32, 48) };
}
