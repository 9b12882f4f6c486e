// Stores that misbehave on purpose (slow, down, broken) around a real one, to test overload and failure handling.
import type { Store } from '@kaizen/store';

/** The real store with some methods replaced; every other method is the real one, bound to the real store. */
export function overrideStore(store: Store, overrides: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return Reflect.get(overrides, property);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface HeldStore {
  readonly store: Store;
  /** Resolves when an insert is waiting. */
  readonly entered: Promise<void>;
  /** Lets waiting and later inserts through. */
  release(): void;
}

/** insertSpans waits until release(): a slow database, to fill the ingest concurrency limit. */
export function holdInserts(store: Store): HeldStore {
  let release = () => {};
  let signalEntered = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const entered = new Promise<void>((resolve) => {
    signalEntered = resolve;
  });
  return {
    store: overrideStore(store, {
      insertSpans: async (projectId, spans) => {
        signalEntered();
        await released;
        return store.insertSpans(projectId, spans);
      },
    }),
    entered,
    release: () => release(),
  };
}
