// The prompt registry's storage.
export * from './prompt-store.js';
