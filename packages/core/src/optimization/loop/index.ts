// The optimization loop.
export * from './optimization-types.js';
