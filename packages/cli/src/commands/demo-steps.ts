// The demo, step by step, against the embedded instance: production prompt and checklist, a day of traffic, online
// scores, root causes, a dataset from production, an optimization, staging, and the shadow replay. Each step prints
// as it ends (people) and adds to the summary (`--json`).
import { createKaizenApi, init, type KaizenLogger } from '@kaizen/sdk';
import { toStoredChecklist } from '@kaizen/store';
import type { CommandContext } from '../command-context.js';
import { createProgress } from '../progress.js';
import { DEMO_CHECKLIST, DEMO_EVALUATOR } from './demo-checklist.js';
import { buildDemoDataset, DEMO_DATASET } from './demo-dataset.js';
import { runDemoOptimization } from './demo-optimize.js';
import type { DemoPlan } from './demo-options.js';
import { readDemoPages } from './demo-pages.js';
import { DEMO_PROMPT, demoPrompt } from './demo-prompt.js';
import { runDemoReplay } from './demo-replay.js';
import { formatScores, formatShadow, stepHeading } from './demo-report.js';
import { readScores, type ScoreView, waitForScores } from './demo-scoring.js';
import type { DemoInstance } from './demo-server.js';
import { planTraffic, runTraffic } from './demo-traffic.js';
import { evaluationApi } from './evaluators-api.js';
import { bestIsStart, formatOptimization, summarizeCandidate } from './optimize-format.js';
import { formatInsight } from './rca.js';

const STEPS = 7;
/** Production inputs the shadow view replays: the newest ones. */
const REPLAY_LIMIT = 60;
/** The optimization's spending limit when a real model runs (the simulated ones cost nothing). */
const REAL_MODEL_MAX_USD = 2;
/** Root causes shown (the report has them all, in the app). */
const CAUSES_SHOWN = 5;
/** Small export batches: each span carries a whole page, and a request body has a limit. */
const SPAN_BATCH = { maxExportBatchSize: 64, maxQueueSize: 16_384, scheduledDelayMillis: 200 } as const;

type Insight = Parameters<typeof formatInsight>[0];
type Cause = Insight['report']['causes'][number];

/** A cause as the JSON summary gives it: the criteria, how much they fail and cost, and the strongest drivers. */
export interface DemoCause {
  readonly criteria: readonly string[];
  readonly failureRate: number;
  readonly lostScoreShare: number;
  readonly drivers: readonly { readonly feature: string; readonly value: string; readonly lift: number }[];
  readonly evidenceTraceId: string | null;
}

const summarizeCause = (cause: Cause): DemoCause => ({
  criteria: cause.criteria,
  failureRate: cause.failureRate,
  lostScoreShare: cause.lostScoreShare,
  drivers: cause.drivers.slice(0, 3).map(({ feature, value, lift }) => ({ feature, value, lift })),
  evidenceTraceId: cause.evidence.failing[0]?.traceId ?? null,
});

/**
 * Runs every step and returns the summary `--json` prints.
 *
 * @example
 * const summary = await runDemoSteps(plan, instance, context);
 */
export async function runDemoSteps(plan: DemoPlan, instance: DemoInstance, context: CommandContext) {
  const say = (text: string) => {
    if (!plan.json) context.output.stdout(text);
  };
  // Every section says so when a simulated model produced it.
  const heading = (index: number, title: string) =>
    say(stepHeading(index, STEPS, `${title}${plan.simulated ? ' · SIMULATED model' : ''}`));
  const progress = (label: string, total: number) =>
    createProgress(label, total, context.output.progress, context.output.interactive);
  const logger: KaizenLogger = { warn: (message) => context.output.stderr(`[kaizen sdk] ${message}`) };
  const url = instance.server.url;
  const api = createKaizenApi({ url, apiKey: instance.apiKey });
  const call = await evaluationApi({ url, apiKey: instance.apiKey }, context);
  const production: ScoreView = { evaluator: DEMO_EVALUATOR, promptName: DEMO_PROMPT, environment: 'production' };

  // 1. What the team shipped: the prompt (production label) and the checklist scoring every production trace.
  heading(1, 'Production prompt and checklist');
  const pages = await readDemoPages();
  const pushedChecklist = await call<{ version: { version: number } }>('POST', '/api/evaluators', {
    name: DEMO_EVALUATOR,
    definition: toStoredChecklist(DEMO_CHECKLIST),
    message: 'kaizen demo',
  });
  const evaluatorVersion = pushedChecklist.version.version;
  await call('PUT', '/api/online-evaluators', { evaluator: DEMO_EVALUATOR, promptName: DEMO_PROMPT, samplingRate: 1 });
  const extractor = demoPrompt(plan.taskModel);
  const kaizen = init({ url, apiKey: instance.apiKey, environment: 'production', logger, batch: SPAN_BATCH });
  let traffic: Awaited<ReturnType<typeof runTraffic>>;
  let startVersion: number;
  try {
    const pushed = await extractor.push(kaizen, { message: 'first production version', author: 'kaizen demo' });
    startVersion = pushed.version.version;
    await kaizen.api.prompts.setLabel(DEMO_PROMPT, 'production', startVersion, { actor: 'kaizen demo' });
    say(
      `${DEMO_PROMPT} v${startVersion} (model ${plan.taskModel}) is labelled production; checklist ${DEMO_EVALUATOR} ` +
        `v${evaluatorVersion} (${DEMO_CHECKLIST.criteria.map((criterion) => criterion.id).join(', ')}) scores ` +
        'every trace online.',
    );

    // 2. A day of production: the SDK's prompt().generate over the real pages, traced through OTLP.
    heading(2, 'A day of production traffic');
    const planned = planTraffic(pages, plan.calls, Date.now());
    const bar = progress('Traffic', planned.length);
    traffic = await runTraffic(kaizen, extractor, planned, {
      concurrency: 6,
      onProgress: (done, failed) => bar.update(done, failed > 0 ? `(${failed} failed)` : ''),
    });
    bar.finish();
  } finally {
    await kaizen.shutdown();
  }
  say(
    `${traffic.calls} calls over ${traffic.pages} pages, ${traffic.from} → ${traffic.to} (each trace stamped at ` +
      'its planned time of the last 24 h), sent with init() + prompt().generate through the OTLP endpoint.',
  );
  if (traffic.failed > 0) say(`${traffic.failed} calls failed; the first: ${traffic.firstError ?? '?'}`);

  // 3. Online scores.
  heading(3, 'Online scoring');
  const scoring = progress('Scoring', traffic.calls);
  await waitForScores(call, production, traffic.calls, (scored) => scoring.update(scored));
  scoring.finish();
  const scores = await readScores(call, production);
  say(formatScores(`Production v${startVersion}${plan.simulated ? ' [SIMULATED]' : ''}`, scores));

  // 4. Root causes.
  heading(4, 'Root-cause analysis of the production failures');
  // One request, computed by the server over every scored trace: a bar that says it is under way.
  const analysing = progress('Analysing', 1);
  analysing.update(0, `${traffic.calls} traces`);
  const insight = await call<Insight>('POST', '/api/insights', {
    evaluatorName: DEMO_EVALUATOR,
    promptName: DEMO_PROMPT,
    environment: 'production',
  });
  analysing.finish(`${insight.report.causes.length} causes`);
  const shown = { ...insight, report: { ...insight.report, causes: insight.report.causes.slice(0, CAUSES_SHOWN) } };
  say(formatInsight(shown, 2));

  // 5. A dataset from production, with references where the page markup gives one.
  heading(5, 'Dataset from production traces');
  const reading = progress('Reading traces', traffic.calls);
  const dataset = await buildDemoDataset(api, DEMO_PROMPT, pages, (done, total) => {
    reading.update(done, total === traffic.calls ? '' : `of ${total}`);
  });
  reading.finish();
  const counts = dataset.version.splitCounts;
  say(
    `${DEMO_DATASET} v${dataset.version.version}: ${dataset.version.itemCount} items, one per page (${counts.train} ` +
      `train / ${counts.validation} validation / ${counts.holdout} holdout), ${dataset.withExpected} with the page ` +
      "markup's main type as reference.",
  );

  // 6. Optimization, and the winner to staging.
  heading(6, `Optimization (optimizer ${plan.optimizerModel})`);
  const optimization = await runDemoOptimization(api, {
    promptName: DEMO_PROMPT,
    datasetName: DEMO_DATASET,
    evaluator: DEMO_EVALUATOR,
    optimizerModel: plan.optimizerModel,
    // A real model's calls cost money: the run stops before it spends more.
    ...(plan.taskModel.startsWith('sim:') && plan.optimizerModel.startsWith('sim:')
      ? {}
      : { maxUsd: REAL_MODEL_MAX_USD }),
    newProgress: (total) => progress('Optimizing', total),
  });
  say(formatOptimization(optimization.run, optimization.candidates));
  const staged = optimization.promotion;
  say(
    staged === null
      ? `Not promoted: no candidate beat v${optimization.run.startVersion}; staging is unchanged.`
      : `Promoted ${DEMO_PROMPT} staging → v${staged.toVersion}${staged.fromVersion === null ? '' : ` (was v${staged.fromVersion})`}.`,
  );

  // 7. The shadow view: staging on production inputs.
  heading(7, 'Shadow replay of production inputs against staging');
  const replay =
    staged === null
      ? null
      : await runDemoReplay(call, {
          url,
          apiKey: instance.apiKey,
          promptName: DEMO_PROMPT,
          evaluator: DEMO_EVALUATOR,
          candidateVersion: staged.toVersion,
          limit: Math.min(REPLAY_LIMIT, traffic.calls),
          logger,
          newProgress: progress,
        });
  if (replay === null) say('Nothing to replay: staging has no new version.');
  else {
    const { summary } = replay;
    say(
      `Replayed v${summary.candidateVersion} on the ${summary.total} newest production inputs into the shadow view: ` +
        `${summary.replayed} ok, ${summary.failed} failed, ${summary.skipped} skipped (model ${summary.model}` +
        `${summary.simulated ? ', SIMULATED' : ''}).`,
    );
    say(formatShadow(replay.comparison, optimization.run.startVersion, summary.candidateVersion));
  }

  return {
    prompt: {
      name: DEMO_PROMPT,
      productionVersion: optimization.run.startVersion,
      stagingVersion: staged?.toVersion ?? null,
    },
    evaluator: { name: DEMO_EVALUATOR, version: evaluatorVersion },
    traffic,
    scores,
    insight: { id: insight.id, traceCount: insight.traceCount, causes: shown.report.causes.map(summarizeCause) },
    dataset: {
      name: DEMO_DATASET,
      version: dataset.version.version,
      items: dataset.version.itemCount,
      splitCounts: dataset.version.splitCounts,
      withExpected: dataset.withExpected,
      tracesRead: dataset.tracesRead,
    },
    optimization: {
      run: optimization.run,
      improved: !bestIsStart(optimization.run),
      candidates: optimization.candidates.map(summarizeCandidate),
    },
    promotion: staged === null ? null : { label: 'staging', ...staged },
    shadow:
      replay === null
        ? null
        : {
            replayed: replay.summary.replayed,
            failed: replay.summary.failed,
            skipped: replay.summary.skipped,
            traceIds: replay.summary.items.flatMap((item) => (item.shadowTraceId === null ? [] : [item.shadowTraceId])),
            comparison: replay.comparison,
          },
  };
}

export type DemoStepsSummary = Awaited<ReturnType<typeof runDemoSteps>>;
