// `kaizen serve --config` as a real process: the online worker scores an ingested trace with the config's custom
// check and judge model (sim:judge), a quiet period after its last span; without the config both are errored.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'kaizen.js');

/** Starts `kaizen serve` and resolves with its URL once it listens. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
      env: { ...process.env, KAIZEN_CONFIG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match?.[1] !== undefined) resolve({ child, url: match[1], log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`kaizen serve exited with ${code}: ${log}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const dir = mkdtempSync(join(import.meta.dirname, '.tmp-serve-'));
const configFile = join(dir, 'kaizen.config.ts');

function otlp(traceId: string, environment: string, output: string): string {
  const nanos = (BigInt(Date.now()) * 1_000_000n).toString();
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'deployment.environment.name', value: { stringValue: environment } }] },
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
                attributes: [{ key: 'output.value', value: { stringValue: output } }],
              },
            ],
          },
        ],
      },
    ],
  });
}

describe('kaizen serve --config (online evaluation)', () => {
  const servers: ChildProcess[] = [];

  beforeAll(() => {
    writeFileSync(
      configFile,
      `import { defineConfig } from '@kaizen/sdk';
export default defineConfig({
  judgeModel: 'sim:judge',
  evaluators: {
    brevity: {
      name: 'brevity',
      passThreshold: 1,
      criteria: [
        { id: 'json', description: 'JSON', weight: 1, check: { kind: 'json_valid' } },
        { id: 'short', description: 'Under 40 characters', weight: 1,
          check: { kind: 'custom', fn: (subject) => ({ passed: subject.output.length < 40, rationale: 'length ' + subject.output.length }) } },
        { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is the answer polite?' } },
      ],
    },
  },
});
`,
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map(stop));
    rmSync(dir, { recursive: true, force: true });
  });

  async function scoreOf(url: string, key: string, traceId: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await fetch(`${url}/api/traces/${traceId}/scores`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const body = (await response.json()) as { items: Record<string, unknown>[] };
      if (body.items.length > 0) return body.items[0];
      if (Date.now() > deadline) throw new Error(`trace ${traceId} was never scored`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('scores traces with the custom checks of the config it was started with', async () => {
    const data = join(dir, 'data');
    const key = (await run(['keys', 'create', '--project', 'p', '--data', data], {})).stdout.trim();
    const server = await serve(['--data', data, '--config', configFile]);
    servers.push(server.child);
    expect(server.log()).toContain(`Config: ${configFile}`);
    const env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };
    expect((await run(['evaluators', 'push', '--config', configFile], env)).stdout).toContain(
      'Created brevity version 1',
    );
    expect((await run(['online', 'enable', '--evaluator', 'brevity', '--environment', 'production'], env)).code).toBe(
      0,
    );

    const traceId = 'c0ffee00c0ffee00c0ffee00c0ffee01';
    const response = await fetch(`${server.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: otlp(traceId, 'production', '{"a":1}'),
    });
    expect(response.status).toBe(200);
    const score = await scoreOf(server.url, key, traceId);
    expect(score).toMatchObject({ evaluatorName: 'brevity', source: 'online', errors: 0 });
    const results = score?.results as { criterionId: string; status: string; rationale: string | null }[];
    expect(results).toContainEqual({ criterionId: 'short', status: 'passed', rationale: 'length 7' });
    // The config's judgeModel (sim:judge) answered the judged criterion: a verdict with a rationale, not an error.
    const polite = results.find((result) => result.criterionId === 'polite');
    expect(['passed', 'failed']).toContain(polite?.status);
    expect(typeof polite?.rationale).toBe('string');

    // Another server on the same data, started without the config: the custom check has no code there.
    await stop(server.child);
    const bare = await serve(['--data', data]);
    servers.push(bare.child);
    const second = 'c0ffee00c0ffee00c0ffee00c0ffee02';
    await fetch(`${bare.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: otlp(second, 'production', '{"a":1}'),
    });
    const errored = await scoreOf(bare.url, key, second);
    // Neither the custom check's code nor a judge model there: both errored, neither failed.
    expect(errored).toMatchObject({ label: 'error', passed: false, errors: 2, failedCriteria: [] });
    expect(JSON.stringify(errored?.results)).toContain('no implementation on this server');
  });
});
