// `kaizen optimize` against a real server with the simulated schema.org model: a weak prompt improved on fixture
// pages (diff, per-criterion tables, simulated notice), --json, --promote, status/list/cancel, the server's own
// messages for unknown names and finished runs, Ctrl-C then --resume, and usage errors — exit codes as documented.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveModel } from '@kaizen/models';
import { createKaizenApi, type KaizenApi } from '@kaizen/sdk';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));
const WEAK = 'Give me the JSON-LD for this page.';

const CONFIG = `import { defineConfig } from '@kaizen/sdk';
export default defineConfig({
  evaluators: {
    extractor: {
      name: 'extractor',
      description: 'schema.org JSON-LD extraction',
      passThreshold: 1,
      criteria: [
        { id: 'json-only', description: 'The answer is raw JSON only', weight: 2, check: { kind: 'json_valid' } },
        {
          id: 'context',
          description: 'Declares "@context": "https://schema.org"',
          weight: 1,
          check: { kind: 'field_equals', path: "$['@context']", expected: { value: 'https://schema.org' }, mode: 'extract' },
        },
        {
          id: 'main-type',
          description: 'Uses the most specific schema.org @type of the page',
          weight: 1,
          check: { kind: 'field_equals', path: "$['@type']", expected: { expectedPath: "$['@type']" }, mode: 'extract' },
        },
      ],
    },
  },
});
`;

interface Page {
  readonly id: string;
  readonly html: string;
  readonly types: readonly string[];
  readonly main_types: readonly string[] | null;
}

/** 12 train, 8 validation and 4 holdout pages, in fixture order. */
function items() {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 24)
    .map((line, index) => {
      const page = JSON.parse(line) as Page;
      return {
        itemId: page.id,
        input: { html: page.html },
        expected: { '@type': page.main_types?.[0] ?? page.types[0] },
        split: index < 12 ? ('train' as const) : index < 20 ? ('validation' as const) : ('holdout' as const),
      };
    });
}

/** The simulated models, passed through; while held, every call waits until released. */
function holdableModels() {
  let gate: Promise<void> | null = null;
  let open = () => {};
  let waiting = 0;
  return {
    hold() {
      gate = new Promise((resolve) => {
        open = () => {
          gate = null;
          resolve();
        };
      });
    },
    release: () => open(),
    waiting: () => waiting,
    resolve(spec: string): ReturnType<typeof resolveModel> {
      const inner = resolveModel(spec);
      return {
        specificationVersion: inner.specificationVersion,
        provider: inner.provider,
        modelId: inner.modelId,
        supportedUrls: inner.supportedUrls,
        async doGenerate(options) {
          if (gate !== null) {
            waiting += 1;
            await gate;
            waiting -= 1;
          }
          const answer = await inner.doGenerate(options);
          // A provider honouring the abort: the answer never arrives.
          options.abortSignal?.throwIfAborted();
          return answer;
        },
        doStream: (options) => inner.doStream(options),
      };
    },
  };
}

const START = ['optimize', '--prompt', 'extractor', '--dataset', 'pages', '--evaluator', 'extractor'];

describe('kaizen optimize against a server', () => {
  let dataDir: string;
  let configDir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  let api: KaizenApi;
  const models = holdableModels();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kaizen-cli-optimize-'));
    // Inside the repo, so the config's own import of @kaizen/sdk resolves as in a user's project.
    configDir = mkdtempSync(join(import.meta.dirname, '.tmp-optimize-'));
    writeFileSync(join(configDir, 'kaizen.config.ts'), CONFIG);
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dataDir], {})).stdout.trim();
    store = await openStore({ dataDir });
    server = await startServer({
      store,
      port: 0,
      logger: () => undefined,
      optimization: { resolveModel: models.resolve },
    });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };
    api = createKaizenApi({ url: server.url, apiKey: key });
    await api.prompts.pushVersion('extractor', {
      template: [
        { role: 'system', content: WEAK },
        { role: 'user', content: '{{html}}' },
      ],
      model: 'sim:schemaorg',
    });
    await api.prompts.setLabel('extractor', 'staging', 1);
    await api.datasets.createVersion('pages', { items: items() });
    const pushed = await run(['evaluators', 'push', '--config', join(configDir, 'kaizen.config.ts')], env);
    expect(pushed.code, pushed.stderr).toBe(0);
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  });

  /** A finished run's id, from the progress line on stderr. */
  const runIdOf = (stderr: string) => /^Run ([0-9a-f-]{36}):/m.exec(stderr)?.[1] ?? '';

  it('improves the weak prompt, prints the diff and the tables, and promotes the best version', async () => {
    const result = await run(
      [...START, '--version', '1', '--budget-evals', '200', '--rounds', '4', '--promote', 'staging'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Run [0-9a-f-]{36}: extractor v1 on pages v1\n/);
    expect(result.stderr).toMatch(
      /^Optimizing round 1\/4 · 0 candidates · best - · 0\/200 evals · 0 calls · \$0\.0000$/m,
    );
    const out = result.stdout;
    const runId = runIdOf(result.stderr);
    expect(out).toMatch(
      new RegExp(`^Optimization ${runId}: (completed|stopped on a plateau|stopped) after \\d rounds?`),
    );
    expect(out).toContain(
      'extractor v1 on pages v1, checklist extractor v1; model sim:schemaorg, optimizer none (deterministic edits only)',
    );
    expect(out).toMatch(/^SIMULATED model \(sim:schemaorg\): .* not real-model quality\.$/m);
    const best = /^Best candidate (c\d+) = extractor v(\d+) \(start v1\)\.$/m.exec(out);
    expect(best, out).not.toBeNull();
    expect(out).toMatch(/^ {2}c\d+ round \d [a-z-]+: \S/m);
    expect(out).toContain(`--- extractor v1 (start)\n+++ extractor v${best?.[2]} (${best?.[1]})\n@@`);
    expect(out).toContain(`\n ${WEAK}\n+`);
    // Validation is read sequentially: a clear win is accepted after the first of its chunks, so the report covers
    // the items start and best were both run on (at least one chunk of the 8).
    for (const split of ['Validation \\([1-8] items\\)', 'Holdout \\(4 items\\)']) {
      expect(out).toMatch(new RegExp(`^${split}: score \\d\\.\\d{3} → \\d\\.\\d{3} \\(Δ \\+`, 'm'));
    }
    expect(out.match(/^CRITERION\s+BEFORE\s+AFTER\s+Δ\s+P\s+FIXED\s+BROKEN$/gm)).toHaveLength(2);
    expect(out).toMatch(/^json-only\s+0\.0%\s+100\.0%\s+\+100\.0 pp\s+\d\.\d{4}\s+[1-8]\s+0$/m);
    expect(out).toMatch(
      /^Spent: \d rounds?, \d+ candidates, \d+ candidate evals, \d+ model calls \(\d+ paid, 0 optimizer\)/m,
    );
    expect(out).toContain(`Promoted extractor staging → v${best?.[2]} (was v1).`);
    expect((await api.prompts.getByLabel('extractor', 'staging')).version).toBe(Number(best?.[2]));
    expect((await api.optimizations.get(runId)).bestVersion).toBe(Number(best?.[2]));

    // The same report later, from the run id; and the run in the list.
    const status = await run(['optimize', 'status', runId, '--watch'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toBe(out.replace(/\nPromoted .*\n$/, '\n'));
    const list = await run(['optimize', 'list', '--prompt', 'extractor'], env);
    expect(list.stdout).toMatch(
      new RegExp(
        `^${runId}\\s+(completed|plateau|budget-exhausted)\\s+extractor\\s+v1 → v${best?.[2]}\\s+pages v1\\s+\\d+\\s+0\\.\\d{3}\\s+sim:schemaorg \\[SIMULATED\\]`,
        'm',
      ),
    );
  });

  it('prints one JSON document with --json, progress staying on stderr', async () => {
    const result = await run([...START, '--version', '1', '--budget-evals', '200', '--rounds', '4', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Optimizing round 1/4');
    const json = JSON.parse(result.stdout) as {
      run: { id: string; status: string; simulated: boolean; startVersion: number; bestVersion: number | null };
      candidates: { id: string; parentId: string | null; status: string; operator: string | null }[];
      promotion: null;
    };
    expect(Object.keys(json)).toEqual(['run', 'candidates', 'promotion']);
    expect(json.run).toMatchObject({ simulated: true, startVersion: 1 });
    expect(
      (json.run as unknown as { result: { validation: { after: { n: number } } } }).result.validation.after.n,
    ).toBeGreaterThan(0);
    expect(['completed', 'plateau', 'budget-exhausted']).toContain(json.run.status);
    expect(json.candidates[0]).toEqual({
      id: 'c0',
      parentId: null,
      round: 0,
      status: 'start',
      promptVersion: 1,
      operator: null,
      description: null,
      promptTokens: expect.any(Number),
      validationScore: 0,
      validationPassRate: 0,
      reason: null,
    });
    expect(json.candidates.some((candidate) => candidate.status === 'accepted')).toBe(true);
    expect(json.promotion).toBeNull();
  });

  it('does not move the label when the best version is the start version', async () => {
    const result = await run([...START, '--version', '1', '--budget-evals', '1', '--promote', 'production'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/: stopped after 0 rounds: the budget is spent\n/);
    expect(result.stdout).toContain('No candidate beat the start prompt: extractor v1 stays best.');
    expect(result.stdout).toContain('Validation: not measured');
    expect(result.stdout).toContain(
      'Not promoted: the best version is the start version (v1); production is unchanged.',
    );
    await expect(api.prompts.getByLabel('extractor', 'production')).rejects.toMatchObject({ code: 'not_found' });
  });

  it("passes on the server's message for unknown names, and for a finished run that cannot resume", async () => {
    const cases: [string[], string][] = [
      [[...START.slice(0, 4), 'nope', '--evaluator', 'extractor'], 'dataset "nope" not found'],
      [[...START.slice(0, 6), 'nope'], 'evaluator "nope" not found'],
      [['optimize', '--prompt', 'nope', '--dataset', 'pages', '--evaluator', 'extractor'], 'prompt "nope" not found'],
      [[...START, '--label', 'canary'], 'prompt "extractor" has no label "canary"'],
      [[...START, '--model', 'sim:nope'], 'model: unknown simulated task'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, env);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
    // A run of the tests above that reached an end (completed, or stopped on a plateau or its budget).
    const finished = (await api.optimizations.list()).items.find(
      (item) => !['running', 'interrupted', 'failed', 'cancelled'].includes(item.status),
    );
    expect(finished).toBeDefined();
    const id = finished?.id ?? '';
    const resumed = await run(['optimize', '--resume', id], env);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(
      `kaizen: POST /api/optimizations/${id}/resume: optimization run ${id} is ${finished?.status}: only an interrupted, failed, cancelled run can be resumed. To improve its best version further, start a new run`,
    );
    const cancelled = await run(['optimize', 'cancel', id], env);
    expect(cancelled.code).toBe(2);
    expect(cancelled.stderr).toContain('only a running run can be cancelled');
    const missing = await run(['optimize', 'status', '00000000-0000-0000-0000-000000000000'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('optimization run 00000000-0000-0000-0000-000000000000 not found');
  });

  it('cancels the run on Ctrl-C and exits 1; --resume takes it to the end', async () => {
    // A prompt no earlier run asked about, so its calls reach the (held) model instead of the answer cache.
    await api.prompts.pushVersion('interrupted', {
      template: [
        { role: 'system', content: 'JSON-LD for the page, please.' },
        { role: 'user', content: '{{html}}' },
      ],
      model: 'sim:schemaorg',
    });
    models.hold();
    const running = run(['optimize', '--prompt', 'interrupted', '--dataset', 'pages', '--evaluator', 'extractor'], env);
    const deadline = Date.now() + 20_000;
    while (models.waiting() === 0 || process.listenerCount('SIGINT') === 0) {
      if (Date.now() > deadline) throw new Error('the run never reached the model');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    process.emit('SIGINT');
    setTimeout(() => models.release(), 50);
    const result = await running;
    expect(result.code, result.stderr).toBe(1);
    const id = runIdOf(result.stderr);
    expect(result.stderr).toContain(
      `kaizen: interrupted; asked the server to cancel run ${id} (resume with \`kaizen optimize --resume ${id}\`)`,
    );
    expect(process.listenerCount('SIGINT')).toBe(0);
    let state = await api.optimizations.get(id);
    while (state.status === 'running') state = await api.optimizations.get(id);
    expect(state.status).toBe('cancelled');

    const status = await run(['optimize', 'status', id], env);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(new RegExp(`^Optimization ${id}: cancelled after \\d rounds?\\n`));
    expect(status.stdout).toContain(`Go on from the last checkpoint with: kaizen optimize --resume ${id}`);

    const resumed = await run(['optimize', '--resume', id, '--promote', 'staging'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`Run ${id}: interrupted v1 on pages v1`);
    expect(resumed.stdout).toMatch(new RegExp(`^Optimization ${id}: (completed|stopped)`));
    expect(resumed.stdout).toMatch(/^Promoted interrupted staging → v\d+\.$/m);
  });
});

describe('kaizen optimize usage', () => {
  it('exits 2 with what to do on bad flags, before asking any server', async () => {
    // No server at this URL: each error must come from the flags, not from a failed connection.
    const env = { KAIZEN_URL: 'http://127.0.0.1:9', KAIZEN_API_KEY: 'kz_test' };
    const cases: [string[], RegExp][] = [
      [['optimize'], /missing --prompt, --dataset, --evaluator: .*\(or --resume RUN/],
      [[...START, '--version', '2', '--label', 'production'], /--version or --label, not both/],
      [[...START, '--budget-evals', 'many'], /--budget-evals must be a positive integer, got "many"/],
      [[...START, '--budget-usd', '0'], /--budget-usd must be a positive number/],
      [[...START, '--rounds', '-1'], /--rounds must be a positive integer/],
      [
        ['optimize', '--resume', 'r1', '--dataset', 'pages'],
        /--resume goes on with the run's own settings: drop --dataset/,
      ],
      [['optimize', 'status', 'r1', '--prompt', 'x'], /kaizen optimize status takes a run id only: drop --prompt/],
      [['optimize', 'cancel'], /missing required argument 'run'/],
      [['optimize', '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, env);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 without an API key or a server', async () => {
    const noKey = await run(START, {});
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/No API key: set KAIZEN_API_KEY/);
    const noServer = await run(START, { KAIZEN_URL: 'http://127.0.0.1:9', KAIZEN_API_KEY: 'kz_test' });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toMatch(/POST \/api\/optimizations: cannot connect to Kaizen at http:\/\/127\.0\.0\.1:9/);
  });
});
