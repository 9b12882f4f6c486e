// Public surface of @kaizen/store: the interface and the factory that picks a backend.
export * from './store.js';
