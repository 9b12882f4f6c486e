// Baseline: OPRO-style full rewrites — the optimizer model sees earlier prompts with their scores and a few
// input/expected exemplars (no failures, no root causes) and writes a whole new system prompt; the best is kept.
import {
  buildOptimizerMessages,
  canonicalJson,
  type OptimizerPort,
  type PromptContent,
  parseReflectionAnswer,
  REWRITE_GUIDANCE,
  type ReflectionPrompt,
  type RewriteRequest,
  systemText,
  withSystemText,
} from '@kaizen/core';
import type { CountedEvaluate } from '../counted-evaluate.js';
import type { BenchTask, Exemplar } from '../tasks/bench-task.js';
import { seededRandom } from '../tasks/split-items.js';
import { type BaselineOptions, type BaselineRun, GreedySearch } from './baseline-run.js';

const EXEMPLARS = 3;
/** OPRO shows the top prompts only; the meta-prompt would otherwise grow with every step. */
const HISTORY = 20;

export function reflectionPrompt(content: PromptContent): ReflectionPrompt {
  const template = content.template;
  const user = typeof template === 'string' ? template : (template.findLast((m) => m.role === 'user')?.content ?? null);
  return {
    system: systemText(content),
    user,
    tools: content.tools.map((tool) => ({ name: tool.name, description: tool.description })),
    examples: content.examples.length,
  };
}

function sampleExemplars(task: BenchTask, random: () => number): Exemplar[] {
  const pool = task.splits.train.flatMap((item) => {
    const exemplar = task.exemplar(item);
    return exemplar === null ? [] : [exemplar];
  });
  const chosen: Exemplar[] = [];
  while (chosen.length < EXEMPLARS && pool.length > 0) {
    const [exemplar] = pool.splice(Math.floor(random() * pool.length), 1);
    if (exemplar !== undefined) chosen.push(exemplar);
  }
  return chosen;
}

/**
 * @example
 * const run = await oproRewrite(task, countedEvaluate(task), optimizer, { maxCandidateEvals: 300, seed: 1 });
 */
export async function oproRewrite(
  task: BenchTask,
  counted: CountedEvaluate,
  optimizer: OptimizerPort,
  options: BaselineOptions,
): Promise<BaselineRun> {
  const random = seededRandom(options.seed);
  const search = new GreedySearch(task, counted, options.maxCandidateEvals);
  await search.start();
  const history: { system: string; score: number }[] = [
    { system: systemText(task.start) ?? '', score: search.bestScore },
  ];
  const tried = new Set([canonicalJson(task.start)]);
  let optimizerCalls = 0;
  // A proposal that repeats an earlier prompt or cannot be read costs a call and no evaluation; stop after a streak.
  let wasted = 0;
  while (search.canEvaluate && wasted < 5) {
    const request: RewriteRequest = {
      task: 'rewrite',
      prompt: reflectionPrompt(search.best),
      history: [...history].sort((a, b) => a.score - b.score).slice(-HISTORY),
      exemplars: sampleExemplars(task, random),
      guidance: REWRITE_GUIDANCE,
    };
    const answer = await optimizer.generate({
      messages: buildOptimizerMessages(request),
      temperature: 1,
      seed: optimizerCalls,
    });
    optimizerCalls++;
    const edit = parseReflectionAnswer(answer.text, ['system']);
    const child = edit === null ? null : withSystemText(search.best, edit.text);
    if (child === null || tried.has(canonicalJson(child))) {
      wasted++;
      continue;
    }
    wasted = 0;
    tried.add(canonicalJson(child));
    const score = await search.offer(child, edit?.rationale ?? 'rewrite');
    if (score !== null) history.push({ system: edit?.text ?? '', score });
    options.progress?.(`rewrite: ${search.candidates} candidates, best validation ${search.bestScore.toFixed(3)}`);
  }
  return search.result('rewrite', optimizerCalls);
}
