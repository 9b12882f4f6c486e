// `kaizen prompts …` against a real server: push (text and JSON files), list, show, diff, promote, rollback, history.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

describe('kaizen prompts', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-prompts-'));
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dir], {})).stdout.trim();
    store = await openStore({ dataDir: dir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key, KAIZEN_ACTOR: 'ci-bot' };
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pushes a text template and a JSON prompt, deduping identical content', async () => {
    const text = join(dir, 'summary.txt');
    writeFileSync(text, 'Summarise {{text}} in one sentence.\n');
    const first = await run(['prompts', 'push', 'summary', '--file', text, '--message', 'first'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created summary version 1');
    const again = await run(['prompts', 'push', 'summary', '--file', text], env);
    expect(again.stdout).toContain('Unchanged: identical to summary version 1');

    const json = join(dir, 'extractor.json');
    writeFileSync(
      json,
      JSON.stringify({
        messages: [
          { role: 'system', content: 'Answer with JSON-LD.' },
          { role: 'user', content: '{{html}}' },
        ],
        model: 'sim:schemaorg',
        params: { temperature: 0 },
        output: { type: 'object' },
      }),
    );
    const pushed = await run(['prompts', 'push', 'extractor', '--file', json, '--json'], env);
    const result = JSON.parse(pushed.stdout) as {
      created: boolean;
      version: { version: number; author: string; outputSchema: unknown; variables: string[] };
    };
    expect(result.created).toBe(true);
    expect(result.version).toMatchObject({
      version: 1,
      author: 'ci-bot',
      outputSchema: { type: 'object' },
      variables: ['html'],
    });
  });

  it('shows, diffs, promotes and rolls back', async () => {
    const file = join(dir, 'greeter.txt');
    writeFileSync(file, 'Hello {{name}}.\nBe brief.\n');
    await run(['prompts', 'push', 'greeter', '--file', file], env);
    writeFileSync(file, 'Hello {{name}}.\nBe brief and friendly.\n');
    await run(['prompts', 'push', 'greeter', '--file', file], env);

    const diff = await run(['prompts', 'diff', 'greeter', '1', '2'], env);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('-Be brief.');
    expect(diff.stdout).toContain('+Be brief and friendly.');

    expect((await run(['prompts', 'promote', 'greeter', '1', '--to', 'production'], env)).stdout).toContain(
      'production (unset) → 1',
    );
    expect((await run(['prompts', 'promote', 'greeter', '2', '--to', 'production'], env)).stdout).toContain(
      'production 1 → 2',
    );
    const shown = await run(['prompts', 'show', 'greeter', '--label', 'production'], env);
    expect(shown.stdout).toContain('greeter version 2 [production]');
    expect(shown.stdout).toContain('Be brief and friendly.');

    const back = await run(['prompts', 'rollback', 'greeter', '--label', 'production', '--json'], env);
    expect(JSON.parse(back.stdout)).toMatchObject({ kind: 'rollback', fromVersion: 2, toVersion: 1, actor: 'ci-bot' });
    const refused = await run(['prompts', 'rollback', 'greeter', '--label', 'production'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no earlier version');

    const history = await run(['prompts', 'history', 'greeter', '--json'], env);
    expect((JSON.parse(history.stdout) as { items: unknown[] }).items).toHaveLength(3);
    const list = await run(['prompts', 'list', '--json'], env);
    const items = (JSON.parse(list.stdout) as { items: { name: string; labels: Record<string, number> }[] }).items;
    expect(items.find((item) => item.name === 'greeter')?.labels).toEqual({ production: 1 });
    const table = await run(['prompts', 'show', 'greeter'], env);
    expect(table.stdout).toMatch(/^1\s+production/m);
  });

  it('explains bad input with exit code 2', async () => {
    const missing = await run(['prompts', 'push', 'x', '--file', join(dir, 'nope.txt')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read --file');
    const badJson = join(dir, 'bad.json');
    writeFileSync(badJson, '{"messages": [], "colour": 1}');
    expect((await run(['prompts', 'push', 'x', '--file', badJson], env)).stderr).toContain('unknown key(s) colour');
    writeFileSync(badJson, '{"template": "x", "model": "gpt-4o"}');
    const badModel = await run(['prompts', 'push', 'x', '--file', badJson], env);
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toContain('model');
    expect((await run(['prompts', 'show', 'nothing'], env)).code).toBe(2);
    expect((await run(['prompts', 'promote', 'greeter', 'one', '--to', 'production'], env)).stderr).toContain(
      'VERSION must be a positive integer',
    );
  });
});
