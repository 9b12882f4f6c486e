// The model response cache's storage.
export * from './response-cache-store.js';
