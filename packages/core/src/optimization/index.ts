// Public surface of the optimization engine: the loop, its edit operators and the optimizer-model protocol.
export * from './loop/index.js';
export * from './operators/index.js';
export * from './reflection/index.js';
