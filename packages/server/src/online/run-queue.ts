// Due traces waiting for an evaluation slot: bounded, deduplicated, at most `concurrency` running at once.

export interface RunQueueOptions {
  readonly concurrency: number;
  /** Keys queued at most; past it new keys are dropped (and reported). */
  readonly maxQueued: number;
  /** Must not reject: the queue reports nothing itself. */
  readonly run: (key: string) => Promise<void>;
  readonly onDrop: (key: string) => void;
}

export interface RunQueue {
  enqueue(key: string): void;
  readonly queued: number;
  readonly running: number;
  /** Stops taking work, forgets what is queued, and resolves when the runs in flight settle (or after `timeoutMs`). */
  close(timeoutMs: number): Promise<void>;
}

/**
 * A key queued while it runs is run again after (the trace gained spans: the newest spans win); a key queued twice
 * before it runs runs once.
 */
export function createRunQueue(options: RunQueueOptions): RunQueue {
  const ready: string[] = [];
  const queued = new Set<string>();
  const running = new Set<string>();
  const again = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function pump(): void {
    while (!closed && running.size < options.concurrency && ready.length > 0) {
      const key = ready.shift() as string;
      queued.delete(key);
      running.add(key);
      const run: Promise<void> = options.run(key).finally(() => {
        running.delete(key);
        inFlight.delete(run);
        if (again.delete(key)) {
          // Already counted against the bound when first queued: a rerun is never dropped.
          queued.add(key);
          ready.push(key);
        }
        pump();
      });
      inFlight.add(run);
    }
  }

  function enqueue(key: string): void {
    if (closed || queued.has(key)) return;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    if (ready.length >= options.maxQueued) {
      options.onDrop(key);
      return;
    }
    queued.add(key);
    ready.push(key);
    pump();
  }

  return {
    enqueue,
    get queued() {
      return ready.length;
    },
    get running() {
      return running.size;
    },
    async close(timeoutMs) {
      closed = true;
      ready.length = 0;
      queued.clear();
      again.clear();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}
