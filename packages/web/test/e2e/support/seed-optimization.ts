// Seeds an optimization run through the API: a weak schema.org prompt on sim:schemaorg, 24 fixture pages split
// train/validation/holdout, a checklist evaluator, then a run started with a budget and (optionally) awaited.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveModel } from '@kaizen/models';
import { apiRequest, type WebServer } from './web-server.js';

const FIXTURE = fileURLToPath(new URL('../../../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));
export const WEAK_PROMPT = 'Give me the JSON-LD for this page.';

export const SEED = { prompt: 'extractor', dataset: 'pages', evaluator: 'extractor' } as const;

interface FixturePage {
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
      const page = JSON.parse(line) as FixturePage;
      return {
        itemId: page.id,
        input: { html: page.html },
        expected: { '@type': page.main_types?.[0] ?? page.types[0] },
        split: index < 12 ? 'train' : index < 20 ? 'validation' : 'holdout',
      };
    });
}

/** Built-in checks only: custom checks live in a server's config and cannot be pushed through the API. */
const EVALUATOR = {
  name: SEED.evaluator,
  definition: {
    name: SEED.evaluator,
    passThreshold: 1,
    criteria: [
      { id: 'json-only', description: 'The answer is raw JSON only', weight: 2, check: { kind: 'json_valid' } },
      {
        id: 'context',
        description: 'Declares "@context": "https://schema.org"',
        weight: 1,
        check: {
          kind: 'field_equals',
          path: "$['@context']",
          expected: { value: 'https://schema.org' },
          mode: 'extract',
        },
      },
      {
        id: 'main-type',
        description: 'Uses the most specific schema.org @type of the page',
        weight: 1,
        check: { kind: 'field_equals', path: "$['@type']", expected: { expectedPath: "$['@type']" }, mode: 'extract' },
      },
    ],
  },
};

/** The fields of a run the tests read (docs/api/optimizations.md has them all). */
export interface SeededRun {
  readonly id: string;
  readonly status: string;
  readonly startVersion: number;
  readonly bestVersion: number | null;
  readonly round: number;
  readonly progress: { readonly bestCandidateId: string | null; readonly candidates: number };
  readonly result: {
    readonly bestId: string;
    readonly startId: string;
    readonly paretoFront: readonly string[];
  } | null;
}

export interface SeededCandidate {
  readonly id: string;
  readonly parentId: string | null;
  readonly round: number;
  readonly status: string;
  readonly promptVersion: number | null;
  readonly validation: { readonly score: number } | null;
  readonly diffFromParent: string | null;
  readonly diffFromStart: string | null;
}

/**
 * A weak prompt on sim:schemaorg. Another name with other words makes requests the project's response cache has
 * not seen, so a run of it calls the model (and a ModelGate can hold it).
 */
export async function pushWeakPrompt(web: WebServer, name: string = SEED.prompt, text = WEAK_PROMPT): Promise<void> {
  await apiRequest(web, `/api/prompts/${name}/versions`, 'POST', {
    template: [
      { role: 'system', content: text },
      { role: 'user', content: '{{html}}' },
    ],
    model: 'sim:schemaorg',
  });
}

/** The prompt (version 1, the weak one), the dataset and the evaluator, once per server. */
export async function seedOptimizationInputs(web: WebServer): Promise<void> {
  await pushWeakPrompt(web);
  await apiRequest(web, `/api/datasets/${SEED.dataset}/versions`, 'POST', { items: items() });
  await apiRequest(web, '/api/evaluators', 'POST', EVALUATOR);
}

/** Starts a run (deterministic operators only unless the body says otherwise); answers while it is `running`. */
export async function startOptimization(web: WebServer, body: Record<string, unknown> = {}): Promise<SeededRun> {
  return apiRequest<SeededRun>(web, '/api/optimizations', 'POST', {
    ...SEED,
    model: 'sim:schemaorg',
    optimizerModel: null,
    budget: { maxCandidateEvals: 200, maxRounds: 4 },
    settings: { seed: 7 },
    ...body,
  });
}

/** Polls the run until it is no longer `running` (a simulated run takes about a second). */
export async function waitForOptimization(web: WebServer, id: string, timeoutMs = 60_000): Promise<SeededRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await apiRequest<SeededRun>(web, `/api/optimizations/${id}`);
    if (run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`optimization run ${id} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function optimizationCandidates(web: WebServer, id: string): Promise<SeededCandidate[]> {
  return (await apiRequest<{ items: SeededCandidate[] }>(web, `/api/optimizations/${id}/candidates`)).items;
}

/**
 * Seeds the inputs and one finished run.
 * @example
 * const { run, candidates } = await seedFinishedOptimization(web);
 */
export async function seedFinishedOptimization(
  web: WebServer,
  body: Record<string, unknown> = {},
): Promise<{ run: SeededRun; candidates: SeededCandidate[] }> {
  await seedOptimizationInputs(web);
  const started = await startOptimization(web, body);
  const run = await waitForOptimization(web, started.id);
  return { run, candidates: await optimizationCandidates(web, run.id) };
}

type Model = ReturnType<typeof resolveModel>;

/**
 * Wraps the server's models so a test can hold a run at its n-th model call: the run stays `running` for as long
 * as the test wants, with no timing race, and goes on when the gate opens. Pass `resolveModel` as the server's
 * `optimization.resolveModel`, and open the gate before closing the server.
 * @example
 * const gate = new ModelGate();
 * const web = await startWebServer({ optimization: { resolveModel: gate.resolveModel } });
 * const held = gate.closeAt(20); start a run; await held; … gate.open();
 */
export class ModelGate {
  /** Answers delivered so far, over every run of the server. */
  delivered = 0;
  #closeAt: number | null = null;
  #waiting: (() => void)[] = [];
  #reached: (() => void) | null = null;

  resolveModel = (spec: string): Model => {
    const inner = resolveModel(spec);
    const gate = this;
    return {
      specificationVersion: inner.specificationVersion,
      provider: inner.provider,
      modelId: inner.modelId,
      supportedUrls: inner.supportedUrls,
      async doGenerate(options) {
        if (gate.#closeAt !== null && gate.delivered + 1 >= gate.#closeAt) {
          gate.#reached?.();
          gate.#reached = null;
          await new Promise<void>((resolve) => gate.#waiting.push(resolve));
        }
        const result = await inner.doGenerate(options);
        // What a provider honouring the abort does: a cancelled run's answer never arrives.
        options.abortSignal?.throwIfAborted();
        gate.delivered += 1;
        return result;
      },
      doStream: (options) => inner.doStream(options),
    };
  };

  /** Holds every call from the n-th one on (counting those delivered so far); resolves when one waits. */
  closeAt(n: number): Promise<void> {
    this.#closeAt = n;
    return new Promise((resolve) => {
      this.#reached = resolve;
    });
  }

  /** Lets the held calls and every later one through. */
  open(): void {
    this.#closeAt = null;
    for (const release of this.#waiting.splice(0)) release();
  }
}
