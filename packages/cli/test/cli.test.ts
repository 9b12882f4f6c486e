// End-to-end tests of the kaizen CLI: keys on a real store, traces against a real server, errors and exit codes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type RunningServer, startServer } from '@kaizen/server';
import { hashApiKey, openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'kaizen.js');

const traceId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const otlpBody = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'deployment.environment.name', value: { stringValue: 'production' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId,
              spanId: '1111111111111111',
              name: 'chat gpt-4o-mini\u001b[31m\nFAKE ROW',
              kind: 3,
              startTimeUnixNano: '1764000000000000000',
              endTimeUnixNano: '1764000000500000000',
              attributes: [
                { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
                { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o-mini' } },
                { key: 'gen_ai.usage.input_tokens', value: { intValue: 120 } },
                { key: 'gen_ai.usage.output_tokens', value: { intValue: 30 } },
                // Untrusted content with control characters must not break the table layout.
                { key: 'gen_ai.prompt', value: { stringValue: 'line one\nline two\u001b[31m' } },
              ],
              status: { code: 1 },
            },
          ],
        },
      ],
    },
  ],
});

describe('kaizen keys create', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the key alone, stores only its hash, and reuses the project', async () => {
    const first = await run(['keys', 'create', '--project', 'checkout', '--data', dir]);
    expect(first.code).toBe(0);
    const key = first.stdout.trim();
    expect(key).toMatch(/^kz_[A-Za-z0-9_-]{20,}$/);
    expect(first.stdout).toBe(`${key}\n`);

    const second = await run(['keys', 'create', '--project', 'checkout', '--data', dir, '--json']);
    const parsed = JSON.parse(second.stdout) as { project: string; projectId: string; key: string };
    expect(parsed.project).toBe('checkout');
    expect(parsed.key).not.toBe(key);

    const store = await openStore({ dataDir: dir });
    try {
      const project = await store.findProjectByKeyHash(hashApiKey(key));
      expect(project?.id).toBe(parsed.projectId);
      expect(await store.findProjectByKeyHash(key)).toBeNull(); // the raw key is not what is stored
    } finally {
      await store.close();
    }
  });

  it('fails with exit code 2 and a usage message without --project', async () => {
    const result = await run(['keys', 'create', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--project <name>'");
  });
});

describe('kaizen traces', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-traces-'));
    key = (await run(['keys', 'create', '--project', 'p', '--data', dir])).stdout.trim();
    store = await openStore({ dataDir: dir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    const response = await fetch(`${server.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: otlpBody,
    });
    expect(response.status).toBe(200);
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists traces as a table and as JSON, with filters', async () => {
    const env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };
    const table = await run(['traces', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(traceId);
    expect(table.stdout).toContain('gpt-4o-mini');
    expect(table.stdout).toContain('production');
    expect(table.stdout).not.toMatch(/^FAKE ROW/m);

    const json = await run(['traces', 'list', '--json', '--environment', 'production'], env);
    const page = JSON.parse(json.stdout) as { items: { traceId: string; totalTokens: number }[]; nextCursor: null };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.totalTokens).toBe(150);

    const none = await run(['traces', 'list', '--json', '--environment', 'staging'], env);
    expect((JSON.parse(none.stdout) as { items: unknown[] }).items).toHaveLength(0);
  });

  it('shows one trace as a span tree and as JSON', async () => {
    const env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };
    const tree = await run(['traces', 'show', traceId], env);
    expect(tree.code).toBe(0);
    expect(tree.stdout).toContain('chat gpt-4o-mini');
    expect(tree.stdout).not.toContain('\u001b');
    expect(tree.stdout).not.toMatch(/^FAKE ROW/m); // a newline in a span name cannot forge a table row

    const json = await run(['traces', 'show', traceId, '--json'], env);
    const trace = JSON.parse(json.stdout) as { spans: { inputTokens: number; model: string }[] };
    expect(trace.spans[0]?.inputTokens).toBe(120);
    expect(trace.spans[0]?.model).toBe('gpt-4o-mini');
  });

  it('says what to do on a missing key, a wrong key, an unknown trace and an unreachable server', async () => {
    const noKey = await run(['traces', 'list'], { KAIZEN_URL: server.url });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('KAIZEN_API_KEY');

    const badKey = await run(['traces', 'list'], { KAIZEN_URL: server.url, KAIZEN_API_KEY: 'kz_wrong' });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('kaizen keys create');

    const missing = await run(['traces', 'show', 'ffffffffffffffffffffffffffffffff'], {
      KAIZEN_URL: server.url,
      KAIZEN_API_KEY: key,
    });
    expect(missing.code).toBe(2);

    const down = await run(['traces', 'list'], { KAIZEN_URL: 'http://127.0.0.1:9', KAIZEN_API_KEY: key });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('kaizen serve');
  });
});

describe('the kaizen executable', () => {
  it('runs from source with no build step and prints help with examples', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'serve', '--help']);
    expect(stdout).toContain('--port <port>');
    expect(stdout).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await promisify(execFile)(process.execPath, [BIN, 'nope']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((result as { code: number }).code).toBe(2);
  });
});
