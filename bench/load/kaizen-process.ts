// Real `kaizen` processes for bench:load: started from source, their stderr kept, every one stopped on the way out.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const CLI = join(import.meta.dirname, '..', '..', 'packages', 'cli', 'bin', 'kaizen.js');
const execFileAsync = promisify(execFile);

export interface KaizenProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The first capture of the ready pattern (the URL of a server). */
  readonly ready: string;
  /** Everything it wrote to stderr so far. */
  log(): string;
}

/** Every child started and not yet stopped: stopAll() ends them, on success, failure and SIGINT alike. */
const running = new Set<ChildProcess>();

/**
 * The environment of a child: this process's, without any KAIZEN_* setting (a developer's KAIZEN_DATABASE_URL or
 * KAIZEN_CONFIG must not leak into a scenario), plus the scenario's own.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('KAIZEN_')) env[key] = value;
  // No kaizen.config.ts: the evaluator is stored through the API and uses built-in code checks only.
  return { ...env, KAIZEN_CONFIG: '', ...extra };
}

/** Starts `kaizen <args>` and resolves once its stderr matches `ready`; rejects if it exits first or takes 60 s. */
export function startKaizen(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<KaizenProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    let log = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${log}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = ready.exec(log);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ name, child, ready: match[1] ?? match[0], log: () => log });
      }
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
}

/** SIGTERM, then SIGKILL after 15 s; resolves with the exit code (null when killed by a signal). */
export async function stopKaizen(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await exited;
  clearTimeout(killer);
  running.delete(child);
  return code;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopKaizen));
}

/** SIGKILL for whatever still runs: the last resort of an exit handler, which cannot wait. */
export function killAllNow(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs a short `kaizen` command (keys create, online enable) and returns its stdout; rejects on a non-zero exit. */
export async function runKaizen(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  return stdout;
}
