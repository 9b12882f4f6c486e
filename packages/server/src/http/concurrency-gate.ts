// Bounds concurrent ingest requests: beyond the bound the server answers 429 at once instead of queueing bodies in memory.

export interface ConcurrencyGate {
  /** Takes a slot, or returns false when all are taken. */
  tryAcquire(): boolean;
  release(): void;
  readonly inFlight: number;
}

export function createConcurrencyGate(limit: number): ConcurrencyGate {
  let inFlight = 0;
  return {
    tryAcquire() {
      if (inFlight >= limit) return false;
      inFlight++;
      return true;
    },
    release() {
      inFlight--;
    },
    get inFlight() {
      return inFlight;
    },
  };
}
