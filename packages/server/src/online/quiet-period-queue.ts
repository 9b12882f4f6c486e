// Traces waiting for a quiet period: each touch pushes the trace's due time back; due traces are handed on in order.

export interface QuietPeriodQueueOptions {
  /** How long a trace must go without new spans before it is due. */
  readonly quietPeriodMs: number;
  /** Most traces waiting at once; past it the longest-waiting one is dropped (and counted). */
  readonly maxPending: number;
  readonly onDue: (key: string) => void;
  readonly onDrop: (key: string) => void;
  readonly now?: () => number;
}

export interface QuietPeriodQueue {
  touch(key: string): void;
  readonly size: number;
  /** Forgets every waiting trace and stops the timer. */
  clear(): void;
}

/**
 * Insertion order is due order: every touch re-inserts its key with `now + quiet`, and the quiet period is the same
 * for all, so the map stays sorted by due time and one timer (for the first entry) serves them all. A touch is O(1).
 */
export function createQuietPeriodQueue(options: QuietPeriodQueueOptions): QuietPeriodQueue {
  const now = options.now ?? Date.now;
  const due = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function schedule(): void {
    if (timer !== null) return;
    const first = due.values().next();
    if (first.done === true) return;
    timer = setTimeout(flush, Math.max(0, first.value - now()));
    // Waiting work must not keep a process alive that is otherwise done (tests, CLI); close() drops it anyway.
    timer.unref?.();
  }

  function flush(): void {
    timer = null;
    const time = now();
    for (const [key, at] of due) {
      if (at > time) break;
      due.delete(key);
      options.onDue(key);
    }
    schedule();
  }

  return {
    touch(key) {
      due.delete(key);
      if (due.size >= options.maxPending) {
        const oldest = due.keys().next();
        if (oldest.done !== true) {
          due.delete(oldest.value);
          options.onDrop(oldest.value);
        }
      }
      due.set(key, now() + options.quietPeriodMs);
      schedule();
    },
    get size() {
      return due.size;
    },
    clear() {
      due.clear();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
