// Bounds how many model calls run at once, so a replay of thousands of traces does not flood a provider.

export interface Limiter {
  /** Runs `fn` once fewer than `max` calls are running; calls start in the order they were submitted. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Calls running now. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly pending: number;
}

/**
 * @example
 * const limit = createLimiter(4);
 * const answers = await Promise.all(items.map((item) => limit.run(() => callModel({ … }))));
 */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`createLimiter needs a whole number ≥ 1, got ${max}`);
  let active = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    active--;
    const next = queue.shift();
    if (next !== undefined) next();
  };

  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          // A synchronous throw in fn frees the slot like a rejection does; the slot is freed before the caller
          // resumes, so `active` is exact when it looks.
          Promise.resolve().then(fn).finally(release).then(resolve, reject);
        };
        if (active < max) start();
        else queue.push(start);
      });
    },
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
  };
}
