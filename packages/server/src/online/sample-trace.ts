// Deterministic sampling by trace id: the same trace is in or out of a sample every time, on every server.

/** FNV-1a (32 bits) of the id, as a point in [0, 1). Trace ids are random hex, but a hash copes with any id. */
export function samplingPoint(traceId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < traceId.length; index += 1) {
    hash ^= traceId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x1_0000_0000;
}

/**
 * The trace belongs to a sample of `rate` (in [0, 1]): rate 0 takes none, rate 1 every trace, and a trace sampled
 * at rate r is sampled at any rate above r, so raising a rate only adds traces.
 *
 * @example
 * isSampled('4bf92f3577b34da6a3ce929d0e0e4736', 0.2);
 */
export function isSampled(traceId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (!(rate > 0)) return false;
  return samplingPoint(traceId) < rate;
}
