// What every command receives: where to print and which environment to read, so tests can run commands in-process.
import type { Output } from './output.js';

export interface CommandContext {
  readonly output: Output;
  readonly env: NodeJS.ProcessEnv;
  /** Set by a command that has a verdict (e.g. a failed gate); errors are handled by main. */
  exitCode: number;
}
