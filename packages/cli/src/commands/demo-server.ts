// The demo's embedded instance: SQLite in the demo folder, a fresh project and key, the server with the demo's
// checklist code for online scoring, on port 4318 or the next free one, with the web app built if it is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KaizenError } from '@kaizen/core';
import { type RunningServer, startServer } from '@kaizen/server';
import { generateApiKey, openStore, type Store } from '@kaizen/store';
import { DEMO_CHECKLIST, DEMO_EVALUATOR } from './demo-checklist.js';

export const DEFAULT_DEMO_DIR = '.kaizen-demo';
const DEFAULT_PORT = 4318;
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WEB_ROOT = join(REPO_ROOT, 'packages', 'web', 'dist');
/** The files openStore writes in a data folder: all --fresh removes. */
const DATABASE_FILE = /^kaizen\.db(-wal|-shm|-journal)?$/;

export interface DemoInstance {
  readonly store: Store;
  readonly server: RunningServer;
  readonly dataDir: string;
  /** True when the folder is a temporary one, removed by close(). */
  readonly temporary: boolean;
  readonly project: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

export interface InstanceOptions {
  readonly data?: string | undefined;
  readonly temp: boolean;
  readonly fresh: boolean;
  /** Undefined: 4318, or a free port when it is taken. */
  readonly port?: number | undefined;
  readonly optimizerModel: string;
  readonly log: (line: string) => void;
}

function prepareDataDir(options: InstanceOptions): { dataDir: string; temporary: boolean } {
  if (options.temp) return { dataDir: mkdtempSync(join(tmpdir(), 'kaizen-demo-')), temporary: true };
  const dataDir = resolve(options.data ?? DEFAULT_DEMO_DIR);
  if (options.fresh && existsSync(dataDir)) {
    for (const name of readdirSync(dataDir)) {
      if (DATABASE_FILE.test(name)) rmSync(join(dataDir, name), { force: true });
    }
  }
  return { dataDir, temporary: false };
}

/** `demo`, else `demo-2`, `demo-3`…: a run in a folder kept from before gets its own project. */
async function newProjectName(store: Store): Promise<string> {
  for (let index = 1; ; index += 1) {
    const name = index === 1 ? 'demo' : `demo-${index}`;
    if ((await store.getProjectByName(name)) === null) return name;
  }
}

async function listen(store: Store, options: InstanceOptions): Promise<RunningServer> {
  const start = (port: number) =>
    startServer({
      store,
      port,
      webRoot: WEB_ROOT,
      // The server's own lines (a failing check, a dropped trace) matter; its start line is the demo's to print.
      logger: (line) => {
        if (!line.startsWith('Kaizen listening')) options.log(`server: ${line}`);
      },
      optimization: { optimizerModel: options.optimizerModel },
      onlineEvaluation: { evaluators: { [DEMO_EVALUATOR]: DEMO_CHECKLIST }, quietPeriodMs: 500 },
    });
  if (options.port !== undefined) return start(options.port);
  try {
    return await start(DEFAULT_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    options.log(`Port ${DEFAULT_PORT} is taken: using a free one.`);
    return start(0);
  }
}

/**
 * @example
 * const instance = await startDemoInstance({ temp: false, fresh: true, optimizerModel: 'sim:optimizer', log });
 * // … instance.server.url, instance.apiKey …
 * await instance.close();
 */
export async function startDemoInstance(options: InstanceOptions): Promise<DemoInstance> {
  const { dataDir, temporary } = prepareDataDir(options);
  const store = await openStore({ dataDir });
  let server: RunningServer;
  let project: string;
  let apiKey: string;
  try {
    project = await newProjectName(store);
    const created = await store.createProject(project);
    const key = generateApiKey();
    await store.createApiKey(created.id, key.hash, key.prefix);
    apiKey = key.key;
    server = await listen(store, options);
  } catch (error) {
    await store.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new KaizenError('conflict', `port ${options.port} is taken: pass another --port, or 0 for a free one`, {
        cause: error,
      });
    }
    throw error;
  }
  return {
    store,
    server,
    dataDir,
    temporary,
    project,
    apiKey,
    async close() {
      await server.close();
      await store.close();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const webAppBuilt = (): boolean => existsSync(join(WEB_ROOT, 'index.html'));

/** `npm run build` at the repository root (vite, a few seconds); false when it failed (the API still works). */
export function buildWebApp(log: (line: string) => void): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: process.platform === 'win32',
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', (error) => {
      log(`Could not build the web app (${error.message}): run \`npm run build\`, then reload the page.`);
      done(false);
    });
    child.on('close', (code) => {
      if (code === 0 && webAppBuilt()) return done(true);
      log(`Could not build the web app (exit ${code}): run \`npm run build\`, then reload the page.`);
      if (errors.trim() !== '') log(errors.trim().split('\n').slice(-5).join('\n'));
      done(false);
    });
  });
}
