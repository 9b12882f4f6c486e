// Public surface of the optimization engine (groundwork: the deterministic edit operators).
export * from './operators/index.js';
