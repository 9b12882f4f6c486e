// Conventions every kaizen command keeps (description, "Examples:" in --help, --json), the precedence of settings
// (flag > environment > kaizen.config.ts), and errors that say what to fix, checked over the real command tree.
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/main.js';
import { runCli as run } from './support/run-cli.js';

/**
 * Commands without --json, and why; docs/architecture/cli.md lists the same. A group prints only its subcommands'
 * help, so it has nothing to put in a JSON document.
 */
const WITHOUT_JSON: Readonly<Record<string, string>> = {
  kaizen: 'the program itself: its subcommands have --json',
  serve: 'runs until stopped and prints only logs (stderr), no result',
  worker: 'runs until stopped and prints only logs (stderr), no result',
  keys: 'a group',
  traces: 'a group',
  prompts: 'a group',
  datasets: 'a group',
  evaluators: 'a group',
  online: 'a group',
  labels: 'a group',
};

interface Entry {
  readonly path: string;
  readonly command: Command;
}

function walk(command: Command, prefix: readonly string[] = []): Entry[] {
  const path = [...prefix, command.name()];
  return [{ path: path.join(' '), command }, ...command.commands.flatMap((child) => walk(child, path))];
}

/** --json on the command or an ancestor (commander accepts a parent's options after the subcommand). */
function hasJson(command: Command): boolean {
  for (let current: Command | null = command; current !== null; current = current.parent) {
    if (current.options.some((option) => option.long === '--json')) return true;
  }
  return false;
}

const silent = { stdout: () => undefined, stderr: () => undefined, progress: () => undefined, interactive: false };
const tree = walk(buildProgram({ output: silent, env: {}, exitCode: 0 }));

describe('every command', () => {
  it('is in the tree (sanity check of the walk)', () => {
    const paths = tree.map((entry) => entry.path);
    expect(paths).toEqual(expect.arrayContaining(['kaizen', 'kaizen traces list', 'kaizen optimize status']));
    expect(paths.length).toBeGreaterThan(30);
  });

  it.each(tree.map((entry) => [entry.path, entry.command] as const))('%s has a description', (_path, command) => {
    expect(command.description().trim()).not.toBe('');
  });

  it.each(tree.map((entry) => [entry.path] as const))(
    '%s --help ends with examples of itself and exits 0',
    async (path) => {
      const help = await run([...path.split(' ').slice(1), '--help']);
      expect(help.code).toBe(0);
      const block = help.stdout.split('\nExamples:\n')[1];
      expect(block, `${path} --help has no "Examples:" block`).toBeDefined();
      const lines = (block ?? '').split('\n').filter((line) => line.startsWith('  '));
      expect(lines.length).toBeGreaterThan(0);
      // A group's examples show its subcommands; every example names the command it documents.
      expect(lines.some((line) => line.includes(path === 'kaizen' ? 'kaizen ' : path))).toBe(true);
    },
  );

  it.each(tree.map((entry) => [entry.path, entry.command] as const))(
    '%s has --json unless listed with a reason',
    (path, command) => {
      const name = path.replace(/^kaizen /, '');
      if (name in WITHOUT_JSON) {
        // A listed command that gains --json should leave the list.
        expect(
          command.options.some((option) => option.long === '--json'),
          `${path}: drop it from WITHOUT_JSON`,
        ).toBe(false);
        return;
      }
      expect(hasJson(command), `${path} has no --json (add it, or list it in WITHOUT_JSON with a reason)`).toBe(true);
    },
  );

  it('kaizen --help documents the exit codes and where settings come from', async () => {
    const help = (await run(['--help'])).stdout;
    expect(help).toMatch(/Exit codes:\n\s+0 {2}success\n\s+1 {2}a negative verdict/);
    expect(help).toMatch(/\n\s+2 {2}usage, config, connection or runtime error/);
    expect(help).toContain('a flag beats its environment variable, which beats kaizen.config.ts');
    for (const name of ['KAIZEN_URL', 'KAIZEN_API_KEY', 'KAIZEN_CONFIG', 'KAIZEN_DATA_DIR', 'KAIZEN_DATABASE_URL']) {
      expect(help).toContain(name);
    }
  });

  it('exits 2 on usage errors, with nothing on stdout', async () => {
    for (const argv of [['nope'], ['traces', 'list', '--bogus'], ['traces', 'show'], ['traces']]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout, argv.join(' ')).toBe('');
    }
  });
});

/** A stand-in server that records which instance a command reached, and with which key. */
interface FakeServer {
  readonly url: string;
  readonly requests: { path: string; authorization: string | undefined }[];
  readonly server: Server;
}

async function fakeServer(status = 200): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(
      status === 200
        ? JSON.stringify({ items: [], nextCursor: null })
        : JSON.stringify({ error: { code: 'unauthorized', message: 'invalid API key' } }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe('settings: flag > environment > kaizen.config.ts > default', () => {
  let dir: string;
  let fromFlag: FakeServer;
  let fromEnv: FakeServer;
  let fromConfig: FakeServer;
  let fromOtherConfig: FakeServer;
  let configFile: string;
  let otherConfigFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-settings-'));
    [fromFlag, fromEnv, fromConfig, fromOtherConfig] = await Promise.all([
      fakeServer(),
      fakeServer(),
      fakeServer(),
      fakeServer(),
    ]);
    configFile = join(dir, 'kaizen.config.mjs');
    writeFileSync(configFile, `export default { url: ${JSON.stringify(fromConfig.url)} };\n`);
    otherConfigFile = join(dir, 'other.config.mjs');
    writeFileSync(otherConfigFile, `export default { url: ${JSON.stringify(fromOtherConfig.url)} };\n`);
  });

  afterAll(() => {
    for (const fake of [fromFlag, fromEnv, fromConfig, fromOtherConfig]) fake.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `traces list --json` and says which server answered. */
  async function reached(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
    const servers = { flag: fromFlag, env: fromEnv, config: fromConfig, otherConfig: fromOtherConfig };
    const before = Object.fromEntries(Object.entries(servers).map(([name, fake]) => [name, fake.requests.length]));
    const result = await run(['traces', 'list', '--json', ...argv], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ items: [], nextCursor: null }); // one JSON document, nothing else
    const hit = Object.entries(servers).filter(([name, fake]) => fake.requests.length > (before[name] ?? 0));
    expect(hit).toHaveLength(1);
    return hit[0]?.[0] ?? '';
  }

  it('--url beats KAIZEN_URL, which beats url in the config', async () => {
    const config = { KAIZEN_CONFIG: configFile, KAIZEN_API_KEY: 'kz_env' };
    expect(await reached(['--url', fromFlag.url], { ...config, KAIZEN_URL: fromEnv.url })).toBe('flag');
    expect(await reached([], { ...config, KAIZEN_URL: fromEnv.url })).toBe('env');
    expect(await reached([], config)).toBe('config');
    // An empty variable is unset, as in a shell's `KAIZEN_URL= kaizen …`.
    expect(await reached([], { ...config, KAIZEN_URL: '' })).toBe('config');
  });

  it('--config beats KAIZEN_CONFIG, and --api-key beats KAIZEN_API_KEY', async () => {
    const env = { KAIZEN_CONFIG: configFile, KAIZEN_API_KEY: 'kz_env' };
    expect(await reached(['--config', otherConfigFile], env)).toBe('otherConfig');
    await reached(['--url', fromFlag.url, '--api-key', 'kz_flag'], env);
    expect(fromFlag.requests.at(-1)?.authorization).toBe('Bearer kz_flag');
    await reached(['--url', fromFlag.url], env);
    expect(fromFlag.requests.at(-1)?.authorization).toBe('Bearer kz_env');
  });

  it('says where an unreachable URL came from', async () => {
    const unreachable = join(dir, 'unreachable.config.mjs');
    writeFileSync(unreachable, "export default { url: 'http://127.0.0.1:9' };\n");
    const viaConfig = await run(['traces', 'list', '--config', unreachable], { KAIZEN_API_KEY: 'kz_env' });
    expect(viaConfig.code).toBe(2);
    expect(viaConfig.stdout).toBe('');
    expect(viaConfig.stderr).toContain(`hint: http://127.0.0.1:9 came from url in ${unreachable}`);
    expect(viaConfig.stderr).toContain('start the server with `kaizen serve`, or point at a running one with --url');

    const viaEnv = await run(['prompts', 'list'], { KAIZEN_API_KEY: 'kz_env', KAIZEN_URL: 'http://127.0.0.1:9' });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toContain('hint: http://127.0.0.1:9 came from KAIZEN_URL');
  });

  it('says where a rejected key came from', async () => {
    const rejecting = await fakeServer(401);
    try {
      const result = await run(['evaluators', 'list', '--url', rejecting.url, '--api-key', 'kz_wrong'], {});
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('hint: the key came from --api-key');
    } finally {
      rejecting.server.close();
    }
  });

  it('names a missing config file and where its name came from', async () => {
    const result = await run(['traces', 'list'], { KAIZEN_API_KEY: 'kz_env', KAIZEN_CONFIG: join(dir, 'gone.ts') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gone\.ts \(from KAIZEN_CONFIG\) does not exist: fix KAIZEN_CONFIG/);
  });
});

describe('a missing API key', () => {
  // One command per way of reaching the server: the SDK client, the dataset client, the evaluation routes, replay.
  const commands = [
    ['traces', 'list'],
    ['datasets', 'list'],
    ['evaluators', 'list'],
    ['labels', 'list', '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['rca', '--prompt', 'extractor'],
    ['optimize', 'list'],
    ['replay', '--prompt', 'extractor', '--candidate', '2'],
  ];

  it.each(commands.map((argv) => [argv.join(' '), argv] as const))(
    '%s exits 2 and says to set KAIZEN_API_KEY or pass --api-key',
    async (_name, argv) => {
      const result = await run([...argv, '--json'], { KAIZEN_URL: 'http://127.0.0.1:9' });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('set KAIZEN_API_KEY or pass --api-key');
    },
  );
});
