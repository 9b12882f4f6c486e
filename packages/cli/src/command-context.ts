// What every command receives: where to print and which environment to read, so tests can run commands in-process.
import type { Output } from './output.js';
import type { ServerSettings } from './settings.js';

export interface CommandContext {
  readonly output: Output;
  readonly env: NodeJS.ProcessEnv;
  /** Set by a command that has a verdict (e.g. a failed gate); errors are handled by main. */
  exitCode: number;
  /** The server and key in use once a command connected, so main can say what to change when they fail. */
  connection?: ServerSettings;
}
