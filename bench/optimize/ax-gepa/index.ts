// The ax GEPA peer for bench:optimize: run GEPA on Kaizen's models and checklist, score its instruction on holdout.
export * from './ax-gepa-types.js';
export * from './evaluate-instruction.js';
export { GEPA_MINIBATCH_SIZE, runAxGepa } from './run-ax-gepa.js';
export { taskMessages } from './task-messages.js';
