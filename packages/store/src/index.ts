// Public surface of @kaizen/store: the interface, the factory that picks a backend, and API key helpers.
export * from './api-keys.js';
export * from './open-store.js';
export * from './prompts/index.js';
export * from './store.js';
