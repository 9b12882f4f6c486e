// Test helper for sim:judge: a judge prompt builder and a one-call runner.
import { type JudgeRun, type SimulatedOptions, simulateJudge } from '../../src/simulated/index.js';

/** A judge prompt in the documented layout: criteria as `- [id] question`, then Input, Output and Expected sections. */
export function judgePrompt(
  criteria: Readonly<Record<string, string>>,
  output: string,
  input?: string,
  expected?: string,
): string {
  return [
    'You are a strict grader. Answer every question with yes or no and a one-sentence rationale, as JSON.',
    '',
    'Criteria:',
    ...Object.entries(criteria).map(([id, question]) => `- [${id}] ${question}`),
    ...(input === undefined ? [] : ['', 'Input:', input]),
    '',
    'Output:',
    output,
    ...(expected === undefined ? [] : ['', 'Expected:', expected]),
  ].join('\n');
}

/** Runs the judge on one prompt; noise off unless the options say otherwise. */
export function judge(prompt: string, options: SimulatedOptions = {}, seed = 0): JudgeRun {
  return simulateJudge({
    messages: [{ role: 'user', text: prompt }],
    seed,
    responseFormat: undefined,
    options: { noise: 0, ...options },
  });
}

/** The answers of a run, by criterion id. */
export function answersOf(run: JudgeRun): Record<string, string> {
  const parsed = JSON.parse(run.text) as { answers: { id: string; answer: string }[] };
  return Object.fromEntries(parsed.answers.map((answer) => [answer.id, answer.answer]));
}
