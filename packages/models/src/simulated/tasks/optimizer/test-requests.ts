// Test fixtures for the optimizer simulator: reflect and rewrite requests as the loop builds them, and a runner.
import {
  buildOptimizerMessages,
  type OptimizerRequest,
  REFLECTION_GUIDANCE,
  REWRITE_GUIDANCE,
  type ReflectionExample,
  type ReflectionRequest,
  type RewriteRequest,
} from '@kaizen/core';
import type { SimulatedOptions } from '../../simulated-options.js';
import { type OptimizerRun, simulateOptimizer } from './optimizer-task.js';

/** Every weak-proposal knob off: behaviour tests see only the specific edit. */
export const EXACT: SimulatedOptions = { optimizer: { noopRate: 0, paraphraseRate: 0, overgeneralRate: 0 } };

export const SYSTEM = 'Extract the main entity of the page as schema.org JSON-LD.';

export function failingExample(output: string, failed: Record<string, string>, itemId = 'f'): ReflectionExample {
  return {
    itemId,
    input: '<html><body><h1>Kenmore microwave</h1></body></html>',
    output,
    failed: Object.entries(failed).map(([criterionId, rationale]) => ({ criterionId, rationale })),
  };
}

export function passingExample(output: string, itemId = 'p'): ReflectionExample {
  return { itemId, input: '<html><body><h1>Banana bread</h1></body></html>', output, failed: [] };
}

/** A reflect request for one criterion; `overrides` replace whole fields. */
export function reflectRequest(
  criterion: { id: string; description: string; kind: string },
  overrides: Partial<ReflectionRequest> = {},
): ReflectionRequest {
  return {
    task: 'reflect',
    prompt: { system: SYSTEM, user: 'Page:\n{{html}}', tools: [], examples: 0 },
    editableParts: ['system', 'user'],
    cause: { id: `cause:${criterion.id}`, criteria: [{ ...criterion, failureRate: 0.8 }], drivers: [] },
    failing: [
      failingExample(
        'Here is the markup: {"@type":"Product"}',
        { [criterion.id]: 'custom check returned false' },
        'f1',
      ),
      failingExample('Sure! {"@type":"Thing"}', { [criterion.id]: 'custom check returned false' }, 'f2'),
    ],
    passing: [passingExample('{"@type":"Recipe","name":"Banana bread"}')],
    guidance: REFLECTION_GUIDANCE,
    ...overrides,
  };
}

export function rewriteRequest(overrides: Partial<RewriteRequest> = {}): RewriteRequest {
  return {
    task: 'rewrite',
    prompt: { system: SYSTEM, user: '{{html}}', tools: [], examples: 0 },
    history: [
      { system: 'Give me the JSON-LD for this page.', score: 0.2 },
      {
        system: `${SYSTEM} Use the most specific type. Keep property names in English. Do not invent facts.`,
        score: 0.55,
      },
    ],
    exemplars: [
      { input: '<h1>Kenmore</h1>', expected: '{"@type":"Product","name":"Kenmore","offers":{"price":"55"}}' },
      { input: '<h1>Banana bread</h1>', expected: '{"@type":"Recipe","name":"Banana bread","author":"John"}' },
    ],
    guidance: REWRITE_GUIDANCE,
    ...overrides,
  };
}

/** The request sent as the loop sends it, answered by the simulator. */
export function runOptimizer(request: OptimizerRequest, options: SimulatedOptions = EXACT, seed = 0): OptimizerRun {
  const messages = buildOptimizerMessages(request).map((message) => ({ role: message.role, text: message.content }));
  return simulateOptimizer({ messages, seed, responseFormat: undefined, options });
}
