// The enabled online evaluation rules of every project, held in memory and re-read on demand, one read at a time.
import type { OnlineEvaluator, Store } from '@kaizen/store';

export interface OnlineRules {
  /** The project's enabled rules; undefined when it has none (the common case on the ingest path). */
  of(projectId: string): readonly OnlineEvaluator[] | undefined;
  all(): Iterable<readonly OnlineEvaluator[]>;
  /** Re-reads the rules; a call during a read gets a read of its own after it, so no change is missed. */
  refresh(): Promise<void>;
  /** The read in progress, if any. */
  readonly pending: Promise<void> | null;
}

export function createOnlineRules(store: Store): OnlineRules {
  let byProject = new Map<string, OnlineEvaluator[]>();
  let reading: Promise<void> | null = null;
  let again = false;

  async function read(): Promise<void> {
    const next = new Map<string, OnlineEvaluator[]>();
    for (const rule of await store.onlineEvaluators.listEnabled()) {
      const list = next.get(rule.projectId) ?? [];
      list.push(rule);
      next.set(rule.projectId, list);
    }
    byProject = next;
  }

  return {
    of: (projectId) => byProject.get(projectId),
    all: () => byProject.values(),
    refresh() {
      if (reading !== null) {
        again = true;
        return reading;
      }
      reading = (async () => {
        do {
          again = false;
          await read();
        } while (again);
      })().finally(() => {
        reading = null;
      });
      return reading;
    },
    get pending() {
      return reading;
    },
  };
}
