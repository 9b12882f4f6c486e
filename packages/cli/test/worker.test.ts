// `kaizen worker` and `kaizen serve --no-work` as real processes over one Postgres: the server queues the traces it
// ingested, the worker scores them with the config's custom check; both refuse to start without Postgres.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, describePostgres, dropTestDatabase } from '@kaizen/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'kaizen.js');

interface Started {
  readonly child: ChildProcess;
  readonly match: string;
  log(): string;
}

/** Starts a kaizen command and resolves with the first capture of `ready` in its stderr. */
function start(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, KAIZEN_CONFIG: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = ready.exec(log);
      if (match !== null) resolve({ child, match: match[1] ?? match[0], log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`kaizen ${args[0]} exited with ${code}: ${log}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

describe('kaizen worker without Postgres', () => {
  it('refuses to start, and says what to set', async () => {
    const worker = await run(['worker'], {});
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/kaizen worker needs Postgres: set KAIZEN_DATABASE_URL/);
  });

  it('kaizen serve --no-work refuses SQLite: nothing would run its jobs', async () => {
    const serve = await run(['serve', '--no-work', '--port', '0', '--data', '/nonexistent-kaizen'], {});
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/--no-work needs Postgres/);
  });
});

describePostgres('kaizen serve --no-work beside kaizen worker (postgres)', () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp-worker-'));
  const configFile = join(dir, 'kaizen.config.ts');
  const children: ChildProcess[] = [];
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    writeFileSync(
      configFile,
      `import { defineConfig } from '@kaizen/sdk';
export default defineConfig({
  evaluators: {
    brevity: {
      name: 'brevity',
      passThreshold: 1,
      criteria: [
        { id: 'short', description: 'Under 40 characters', weight: 1,
          check: { kind: 'custom', fn: (subject) => ({ passed: subject.output.length < 40, rationale: 'length ' + subject.output.length }) } },
      ],
    },
  },
});
`,
    );
  });

  afterAll(async () => {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
    if (databaseUrl !== undefined) await dropTestDatabase(databaseUrl);
  });

  it('the server queues what it ingested, the worker scores it with the config code, both stop cleanly', async () => {
    const env = { KAIZEN_DATABASE_URL: databaseUrl };
    const key = (await run(['keys', 'create', '--project', 'p'], env)).stdout.trim();
    const server = await start(
      ['serve', '--no-work', '--port', '0', '--config', configFile],
      env,
      /listening on (http:\/\/\S+)/,
    );
    children.push(server.child);
    const worker = await start(['worker', '--config', configFile], env, /worker taking jobs/);
    children.push(worker.child);
    const url = server.match;
    const api = { KAIZEN_URL: url, KAIZEN_API_KEY: key };
    expect((await run(['evaluators', 'push', '--config', configFile], api)).code).toBe(0);
    expect((await run(['online', 'enable', '--evaluator', 'brevity'], api)).code).toBe(0);
    // The server re-reads its rules every 5 s: until then it does not know this project has one.
    await new Promise((resolve) => setTimeout(resolve, 5_500));

    const traceId = 'c0ffee00c0ffee00c0ffee00c0ffee02';
    const nanos = (BigInt(Date.now()) * 1_000_000n).toString();
    const response = await fetch(`${url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId,
                    spanId: '1111111111111111',
                    name: 'answer',
                    kind: 3,
                    startTimeUnixNano: nanos,
                    endTimeUnixNano: nanos,
                    attributes: [{ key: 'output.value', value: { stringValue: '{"a":1}' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(response.status).toBe(200);

    const deadline = Date.now() + 20_000;
    let items: Record<string, unknown>[] = [];
    while (items.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const scores = await fetch(`${url}/api/traces/${traceId}/scores`, {
        headers: { authorization: `Bearer ${key}` },
      });
      items = ((await scores.json()) as { items: Record<string, unknown>[] }).items;
    }
    expect(items[0]).toMatchObject({ evaluatorName: 'brevity', source: 'online', passed: true });
    expect(items[0]?.results).toEqual([{ criterionId: 'short', status: 'passed', rationale: 'length 7' }]);
    expect(server.log()).toContain('taking no jobs');

    expect(await stop(worker.child)).toBe(0);
    expect(await stop(server.child)).toBe(0);
  }, 60_000);
});
