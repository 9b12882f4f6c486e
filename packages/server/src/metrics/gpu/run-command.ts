// Runs a command with a timeout and resolves with its stdout: the GPU collector's one contact with the system.
import { execFile } from 'node:child_process';

/** Rejects like `execFile` does: `code` 'ENOENT' when the program is missing, `killed` on timeout, `stderr`. */
export type CommandRunner = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

export const runCommand: CommandRunner = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(Object.assign(error, { stderr }));
    });
  });
