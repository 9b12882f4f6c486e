// GEPA's student: an ax AI service that answers each chat request by running Kaizen's task model.
//
// ax renders the instruction and signature into its own system prompt. The task model gets instead exactly what
// Kaizen sends for the same instruction — system: the instruction (ax's <task_definition>), user: the item's rendered
// user template — so the comparison measures the search, not ax's prompt wrapping. The raw answer goes back as the
// `answer` field, untouched, so the same checklist scores it.
import { AxMockAIService } from '@ax-llm/ax';
import type { AxGepaAnswer, AxGepaCounters, AxGepaItem, AxGepaTaskRunner } from './ax-gepa-types.js';
import { answerText, firstUserText, readInputFields, readTaskDefinition, systemText } from './read-ax-prompt.js';
import { ANSWER_TITLE, USER_MESSAGE_TITLE } from './student-program.js';
import { renderUserMessage } from './task-messages.js';

export interface StudentServiceOptions<Item extends AxGepaItem> {
  readonly userTemplate: string;
  readonly runTask: AxGepaTaskRunner<Item>;
  /** Every item ax may run (train and validation): its rendered user message finds the item again. */
  readonly items: readonly Item[];
  readonly counters: AxGepaCounters;
  readonly log: (line: string) => void;
  /** Told of every answer: which instruction ran on which item, and the verdict (ax runs one example at a time). */
  readonly onAnswer?: (instruction: string, item: Item, answer: AxGepaAnswer) => void;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * @example
 * const student = createStudentService({ userTemplate, runTask, items: [...train, ...validation], counters, log });
 * new AxGEPA({ studentAI: student, teacherAI, … });
 */
export function createStudentService<Item extends AxGepaItem>(options: StudentServiceOptions<Item>) {
  const byMessage = new Map<string, Item>();
  for (const item of options.items) byMessage.set(renderUserMessage(options.userTemplate, item).trim(), item);
  const seen = new Set<string>();
  let retriesSeen = 0;
  return new AxMockAIService<string>({
    name: 'kaizen-task-model',
    features: { functions: false, streaming: false },
    chatResponse: async (request) => {
      try {
        const instruction = readTaskDefinition(systemText(request));
        const message = readInputFields(firstUserText(request), [USER_MESSAGE_TITLE])[USER_MESSAGE_TITLE] ?? '';
        const item = byMessage.get(message.trim());
        if (item === undefined) throw new Error('the user message matches no train or validation item');
        if (request.chatPrompt.length > 2 && retriesSeen++ === 0) {
          options.log('student: ax sent a correction turn (its output parser retried); counted as a task call');
        }
        const answer = await options.runTask(instruction, item);
        const counters = options.counters;
        counters.taskModelCalls++;
        counters.paidTaskModelCalls += answer.paidCalls ?? 1;
        const pair = JSON.stringify([instruction, item.itemId]);
        if (!seen.has(pair)) {
          seen.add(pair);
          counters.distinctTaskModelCalls++;
        }
        counters.taskInputTokens += answer.inputTokens ?? 0;
        counters.taskOutputTokens += answer.outputTokens ?? 0;
        options.onAnswer?.(instruction, item, answer);
        const promptTokens = answer.inputTokens ?? 0;
        const completionTokens = answer.outputTokens ?? 0;
        return {
          results: [{ index: 0, content: answerText(ANSWER_TITLE, answer.output), finishReason: 'stop' as const }],
          modelUsage: {
            ai: 'kaizen-task-model',
            model: 'kaizen-task-model',
            tokens: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
          },
        };
      } catch (error) {
        // ax scores a failed example 0 and says nothing unless verbose: keep the reason.
        options.log(`student error: ${errorMessage(error)}`);
        throw error;
      }
    },
  });
}
