// Runs the kaizen CLI in-process, capturing what it prints and its exit code.
import { main } from '../../src/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'kaizen', ...argv], {
    output: {
      stdout: (text) => (stdout += `${text}\n`),
      stderr: (text) => (stderr += `${text}\n`),
      progress: (text) => (stderr += text),
      interactive: false,
    },
    env,
  });
  return { code, stdout, stderr };
}
