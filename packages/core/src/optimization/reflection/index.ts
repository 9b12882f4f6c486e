// The protocol between the optimization loop and the optimizer model.
export * from './build-optimizer-messages.js';
export * from './reflection-protocol.js';
