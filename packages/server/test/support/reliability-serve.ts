// `kaizen serve` as a real process for the reliability tests: started on a port of its own, killed with SIGKILL or
// stopped with SIGTERM, over SQLite (--data) or Postgres (KAIZEN_DATABASE_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { generateApiKey, openStore, type Store } from '@kaizen/store';

const BIN = join(import.meta.dirname, '..', '..', '..', 'cli', 'bin', 'kaizen.js');

/** Where the server keeps its data: a SQLite folder or a Postgres URL. */
export type ServeTarget = { readonly dataDir: string } | { readonly databaseUrl: string };

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown, no flush; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: a clean shutdown. */
  stop(): Promise<void>;
  log(): string;
}

export function openTargetStore(target: ServeTarget): Promise<Store> {
  return openStore('dataDir' in target ? { dataDir: target.dataDir } : { databaseUrl: target.databaseUrl });
}

/** A project and its API key, written to the store directly before any server runs. */
export async function createProjectKey(target: ServeTarget, name: string): Promise<{ projectId: string; key: string }> {
  const store = await openTargetStore(target);
  try {
    const project = await store.createProject(name);
    const { key, prefix, hash } = generateApiKey();
    await store.createApiKey(project.id, hash, prefix);
    return { projectId: project.id, key };
  } finally {
    await store.close();
  }
}

function signal(child: ChildProcess, name: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(name);
  return exited;
}

/** Starts `kaizen serve --port 0` and resolves with its URL once it listens (rejects if it exits or takes 20 s). */
export function serve(target: ServeTarget): Promise<ServeProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, KAIZEN_CONFIG: '', KAIZEN_DATA_DIR: '', KAIZEN_DATABASE_URL: '' };
  const args = [BIN, 'serve', '--port', '0'];
  if ('dataDir' in target) args.push('--data', target.dataDir);
  else env.KAIZEN_DATABASE_URL = target.databaseUrl;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kaizen serve did not listen within 20 s: ${log}`));
    }, 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          kill: () => signal(child, 'SIGKILL'),
          stop: () => signal(child, 'SIGTERM'),
          log: () => log,
        });
      }
    });
    child.once('exit', (code, name) => {
      clearTimeout(timer);
      reject(new Error(`kaizen serve exited (${code ?? name}) before listening: ${log}`));
    });
  });
}
