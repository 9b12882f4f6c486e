// The per-test store of the contract suite: a fresh, migrated store before each test, closed after it.

import { afterEach, beforeEach } from 'vitest';
import type { Project, Store } from '../../src/store.js';

export interface StoreContext {
  /** The current test's store. */
  readonly store: Store;
  /** A new project with a unique name. */
  project(): Promise<Project>;
}

export function useFreshStore(openFreshStore: () => Promise<Store>): StoreContext {
  let current: Store | null = null;
  let projects = 0;
  beforeEach(async () => {
    current = await openFreshStore();
    await current.migrate();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  const context: StoreContext = {
    get store(): Store {
      if (current === null) throw new Error('the store exists only inside a test');
      return current;
    },
    project: () => {
      projects += 1;
      return context.store.createProject(`project-${projects}-${Math.random().toString(36).slice(2, 8)}`);
    },
  };
  return context;
}
