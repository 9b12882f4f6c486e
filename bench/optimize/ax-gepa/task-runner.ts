// Task runners: a model plus a scorer (the adapter renders Kaizen's messages and calls the model), or given outright.
import { callModel } from '@kaizen/models';
import type { AxGepaItem, AxGepaTask, AxGepaTaskRunner, AxGepaTaskSetup } from './ax-gepa-types.js';
import { taskMessages } from './task-messages.js';

/**
 * Calls `taskModel` with the messages Kaizen's evaluate port sends for `[system: instruction, user: userTemplate]`
 * and scores the text with `evaluate`.
 * @example
 * const run = modelTaskRunner({ userTemplate: 'Page:\n{{html}}', taskModel, evaluate });
 * const { output, evaluation } = await run('Answer with JSON only.', item);
 */
export function modelTaskRunner<Item extends AxGepaItem>(setup: AxGepaTaskSetup<Item>): AxGepaTaskRunner<Item> {
  return async (instruction, item) => {
    const result = await callModel({
      model: setup.taskModel,
      messages: taskMessages(instruction, setup.userTemplate, item),
      ...(setup.taskParams !== undefined ? { params: setup.taskParams } : {}),
    });
    return {
      output: result.text,
      evaluation: await setup.evaluate(result.text, item),
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
    };
  };
}

export function taskRunnerOf<Item extends AxGepaItem>(task: AxGepaTask<Item>): AxGepaTaskRunner<Item> {
  return 'runTask' in task ? task.runTask : modelTaskRunner(task);
}
