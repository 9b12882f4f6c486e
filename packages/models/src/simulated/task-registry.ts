// The tasks the simulated model can play: adding one is a file under tasks/ and an entry here.
import { NoSuchModelError } from '@ai-sdk/provider';
import type { SimulatedTask } from './simulated-task.js';
import { ifevalTask } from './tasks/ifeval/ifeval-task.js';
import { judgeTask } from './tasks/judge/judge-task.js';
import { optimizerTask } from './tasks/optimizer/optimizer-task.js';
import { schemaorgTask } from './tasks/schemaorg/schemaorg-task.js';

export const SIMULATED_TASKS = {
  schemaorg: schemaorgTask,
  ifeval: ifevalTask,
  judge: judgeTask,
  optimizer: optimizerTask,
} as const satisfies Record<string, SimulatedTask>;

export type SimulatedTaskName = keyof typeof SIMULATED_TASKS;

/**
 * @example
 * isSimulatedTask('schemaorg'); // true
 * isSimulatedTask('gpt-4o'); // false
 */
export function isSimulatedTask(name: string): name is SimulatedTaskName {
  return Object.hasOwn(SIMULATED_TASKS, name);
}

/**
 * The task for `schemaorg` or `sim:schemaorg`; an unknown task is the AI SDK's NoSuchModelError.
 *
 * @example
 * resolveSimulatedTask('sim:schemaorg').name; // 'schemaorg'
 */
export function resolveSimulatedTask(task: string): SimulatedTask {
  const name = task.startsWith('sim:') ? task.slice('sim:'.length) : task;
  if (isSimulatedTask(name)) return SIMULATED_TASKS[name];
  throw new NoSuchModelError({
    modelId: `sim:${name}`,
    modelType: 'languageModel',
    message: `No simulated task "${name}". Known: ${Object.keys(SIMULATED_TASKS)
      .map((known) => `sim:${known}`)
      .join(', ')}.`,
  });
}
