// `kaizen evaluators|online|labels` against a real server: push from kaizen.config.ts, list, show, online rules,
// human labels and the judge's agreement with them, and the errors users hit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { makeSpan } from '@kaizen/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

// Inside the repo, so the config's import of @kaizen/sdk resolves as in a user's project.
const dir = mkdtempSync(join(import.meta.dirname, '.tmp-evaluators-'));
const configFile = join(dir, 'kaizen.config.ts');
// A second file for the changed config: a process imports a module once, whatever happens to its file later.
const stricterFile = join(dir, 'kaizen.stricter.config.ts');

function writeConfig(file: string, threshold: number): void {
  writeFileSync(
    file,
    `import { defineConfig } from '@kaizen/sdk';
export default defineConfig({
  evaluators: {
    support: {
      name: 'support',
      passThreshold: ${threshold},
      criteria: [
        { id: 'json', description: 'JSON answer', weight: 2, check: { kind: 'json_valid', mode: 'extract' } },
        { id: 'short', description: 'Short', weight: 1, check: { kind: 'custom', fn: (subject) => subject.output.length < 100 } },
        { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is the answer polite?' } },
      ],
    },
  },
});
`,
  );
}

describe('kaizen evaluators, online, labels', () => {
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  let projectId: string;

  beforeAll(async () => {
    const data = join(dir, 'data');
    const key = (await run(['keys', 'create', '--project', 'p', '--data', data, '--json'], {})).stdout;
    const created = JSON.parse(key) as { key: string; projectId: string };
    projectId = created.projectId;
    store = await openStore({ dataDir: data });
    server = await startServer({ store, port: 0, logger: () => undefined, onlineEvaluation: false });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: created.key, KAIZEN_ACTOR: 'ci-bot' };
    writeConfig(configFile, 0.5);
    writeConfig(stricterFile, 0.75);
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pushes the evaluators of kaizen.config.ts as versions, unchanged when nothing changed', async () => {
    const first = await run(['evaluators', 'push', '--config', configFile], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Created support version 1');
    expect((await run(['evaluators', 'push', '--config', configFile], env)).stdout).toContain(
      'Unchanged: support is version 1',
    );
    const changed = await run(['evaluators', 'push', '--config', stricterFile, '--json', '--message', 'stricter'], env);
    expect(JSON.parse(changed.stdout)).toEqual({ items: [{ name: 'support', version: 2, created: true }] });

    const list = await run(['evaluators', 'list'], env);
    expect(list.stdout).toMatch(/^support\s+2\s+3\s/m);
    const shown = await run(['evaluators', 'show', 'support', '--version', '1'], env);
    expect(shown.stdout).toContain('support version 1');
    expect(shown.stdout).toMatch(/short\s+1\s+custom \(short\)/);
    expect(shown.stdout).toContain('llm_judge: Is the answer polite?');
    const json = JSON.parse((await run(['evaluators', 'show', 'support', '--json'], env)).stdout) as {
      version: number;
      author: string;
      message: string;
      definition: { passThreshold: number };
    };
    expect(json).toMatchObject({
      version: 2,
      author: 'ci-bot',
      message: 'stricter',
      definition: { passThreshold: 0.75 },
    });
  });

  it('enables, lists, disables and deletes online evaluators', async () => {
    const enabled = await run(
      [
        'online',
        'enable',
        '--evaluator',
        'support',
        '--environment',
        'production',
        '--prompt',
        'answerer',
        '--sampling',
        '0.2',
      ],
      env,
    );
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(enabled.stdout).toContain('Enabled support on environment production, prompt answerer at 20.0% sampling');
    const list = await run(['online', 'list'], env);
    expect(list.stdout).toMatch(/support\s+production\s+answerer\s+20\.0%\s+on/);
    const disabled = await run(
      ['online', 'disable', '--evaluator', 'support', '--environment', 'production', '--prompt', 'answerer'],
      env,
    );
    expect(disabled.stdout).toContain('Disabled support');
    const rules = JSON.parse((await run(['online', 'list', '--json'], env)).stdout) as {
      items: { id: string; enabled: boolean; samplingRate: number }[];
    };
    expect(rules.items).toEqual([expect.objectContaining({ enabled: false, samplingRate: 0.2 })]);
    const deleted = await run(['online', 'disable', '--id', rules.items[0]?.id ?? '', '--delete'], env);
    expect(deleted.stdout).toContain('Deleted support');
    expect((await run(['online', 'list'], env)).stdout).toContain('No online evaluators');

    const unknown = await run(['online', 'enable', '--evaluator', 'ghost'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('evaluator "ghost" not found');
    const badRate = await run(['online', 'enable', '--evaluator', 'support', '--sampling', '2'], env);
    expect(badRate.code).toBe(2);
    expect(badRate.stderr).toContain('--sampling must be a number from 0 to 1');
  });

  it('labels criteria of traces and reports the judge agreement with the labels', async () => {
    const spans = [makeSpan(), makeSpan(), makeSpan()];
    await store.insertSpans(projectId, spans);
    const judge = [true, true, false];
    for (const [index, span] of spans.entries()) {
      await store.scores.write(projectId, {
        traceId: span.traceId,
        evaluatorName: 'support',
        evaluatorVersion: 2,
        score: 1,
        passed: true,
        label: 'pass',
        results: [{ criterionId: 'polite', status: judge[index] ? 'passed' : 'failed', rationale: null }],
        source: 'online',
        evaluatedAt: new Date().toISOString(),
      });
    }
    const [first, second, third] = spans;
    const label = (span: typeof first, verdict: string, extra: string[] = []) =>
      run(
        ['labels', 'set', span?.traceId ?? '', '--evaluator', 'support', '--criterion', 'polite', verdict, ...extra],
        env,
      );
    const set = await label(first, '--pass');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`Labelled ${first?.traceId} support/polite: pass`);
    await label(second, '--fail', ['--note', 'curt']);
    await label(third, '--fail');
    const listed = await run(['labels', 'list', second?.traceId ?? ''], env);
    expect(listed.stdout).toMatch(/support\s+polite\s+fail\s+ci-bot\s+curt/);

    const agreement = await run(['evaluators', 'agreement', 'support'], env);
    expect(agreement.code, agreement.stderr).toBe(0);
    expect(agreement.stdout).toMatch(/polite\s+3\s+66\.7%\s+0\.40\s+1\/1\/0\/1/);
    const json = JSON.parse((await run(['evaluators', 'agreement', 'support', '--json'], env)).stdout) as {
      criteria: { criterionId: string; n: number; accuracy: number }[];
    };
    expect(json.criteria).toEqual([expect.objectContaining({ criterionId: 'polite', n: 3 })]);

    const both = await label(first, '--pass', ['--fail']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('exactly one of --pass or --fail');
    const wrongCriterion = await run(
      ['labels', 'set', first?.traceId ?? '', '--evaluator', 'support', '--criterion', 'nope', '--pass'],
      env,
    );
    expect(wrongCriterion.code).toBe(2);
    expect(wrongCriterion.stderr).toContain('no criterion "nope"');
  });

  it('explains a config without evaluators and a missing config file', async () => {
    const empty = join(dir, 'empty.config.ts');
    writeFileSync(empty, "export default { model: 'sim:schemaorg' };\n");
    const none = await run(['evaluators', 'push', '--config', empty], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('defines no evaluators');
    const missing = await run(['evaluators', 'push', '--config', join(dir, 'nope.ts')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });
});
