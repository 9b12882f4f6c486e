// Smoke run of the ax GEPA adapter: 10 schemaorg pages, a 2-criterion checklist, sim:schemaorg + sim:optimizer.
// Run: node --import tsx bench/optimize/ax-gepa/smoke.ts
import { readFileSync } from 'node:fs';
import { type Checklist, compileChecklist } from '@kaizen/core';
import { createSimulatedModel } from '@kaizen/models';
import type { AxGepaEvaluation, AxGepaItem } from './ax-gepa-types.js';
import { evaluateInstruction } from './evaluate-instruction.js';
import { runAxGepa } from './index.js';

const PAGES = new URL('../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url);

const checklist: Checklist = {
  name: 'schemaorg-smoke',
  passThreshold: 1,
  criteria: [
    {
      id: 'json_only',
      description: 'Answers with JSON only: no prose and no markdown fences around it.',
      weight: 1,
      check: { kind: 'json_valid' },
    },
    {
      id: 'context',
      description: 'Includes "@context": "https://schema.org" in the JSON-LD.',
      weight: 1,
      check: { kind: 'field_matches', path: "$['@context']", pattern: 'schema\\.org', mode: 'extract' },
    },
  ],
};

const items: AxGepaItem[] = readFileSync(PAGES, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, 12)
  .map((line) => JSON.parse(line) as { id: string; html: string })
  .map((page) => ({ itemId: page.id, input: { html: page.html } }));
const train = items.slice(0, 6);
const validation = items.slice(6, 10);
const holdout = items.slice(10, 12);

const compiled = compileChecklist(checklist);
const evaluate = async (output: string): Promise<AxGepaEvaluation> => {
  const result = await compiled.evaluate({ output });
  return { score: result.score, results: result.results };
};
const taskModel = createSimulatedModel('schemaorg', { noise: 0 });
const setup = { userTemplate: 'Page HTML:\n{{html}}', taskModel, evaluate };
const startSystem = 'You extract schema.org structured data from web pages.';

const result = await runAxGepa({
  ...setup,
  startSystem,
  train,
  validation,
  criteria: checklist.criteria.map((criterion) => ({
    id: criterion.id,
    description: criterion.description,
    kind: criterion.check.kind,
  })),
  optimizerModel: createSimulatedModel('optimizer'),
  maxMetricCalls: 60,
  seed: 1,
});

for (const line of result.log) console.log(line);
for (const candidate of result.candidates) {
  console.log(
    `validated: ${candidate.validationScore.toFixed(3)} after ${candidate.atMetricCalls} metric / ` +
      `${candidate.atTaskModelCalls} task / ${candidate.atReflectionCalls} reflection calls`,
  );
}
const before = await evaluateInstruction(startSystem, setup, holdout);
const after = await evaluateInstruction(result.instruction, setup, holdout);
console.log(`\ninstruction found:\n${result.instruction}\n`);
console.log(
  `task-model calls ${result.taskModelCalls}, reflection calls ${result.reflectionCalls}, ` +
    `metric calls ${result.metricCalls}, validation ${result.validationScore?.toFixed(3) ?? '-'}`,
);
console.log(`holdout (simulated models): start ${before.score.toFixed(3)} → GEPA ${after.score.toFixed(3)}`);
console.log(
  JSON.stringify({
    smoke: 'ax-gepa',
    simulated: true,
    taskModelCalls: result.taskModelCalls,
    reflectionCalls: result.reflectionCalls,
    metricCalls: result.metricCalls,
    validationScore: result.validationScore ?? null,
    holdoutBefore: before.score,
    holdoutAfter: after.score,
  }),
);
