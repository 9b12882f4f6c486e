// Trace retention for long-running processes over a store.
export * from './start-retention.js';
