// GEPA's teacher: an ax AI service that answers ax's two reflection signatures through Kaizen's optimizer protocol.
//
// ax asks first for a `feedbackSummary` (inputs: minibatch, evaluator feedback) and then for a `newValue` (inputs:
// current instruction, that summary, minibatch). The optimizer model (`sim:optimizer`) reads only Kaizen optimizer
// requests and cannot summarise, so the summary is answered here without a model call: the evaluator feedback
// lines, verbatim (a lossless summary). The proposal becomes one Kaizen ReflectionRequest and one optimizer call; its
// edit's text is the new value. Nothing GEPA did not have is added.
import { AxMockAIService } from '@ax-llm/ax';
import { buildOptimizerMessages, parseReflectionAnswer, REFLECTION_ANSWER_SCHEMA } from '@kaizen/core';
import { createOptimizerPort } from '@kaizen/models';
import type { AxGepaCounters, RunAxGepaOptions } from './ax-gepa-types.js';
import { readFeedback } from './gepa-feedback.js';
import { buildGepaReflectionRequest } from './gepa-reflection-request.js';
import { answerText, firstUserText, inputTitles, outputTitles, readInputFields, systemText } from './read-ax-prompt.js';

export interface TeacherServiceOptions
  extends Pick<RunAxGepaOptions, 'optimizerModel' | 'optimizerSeed' | 'userTemplate'> {
  readonly counters: AxGepaCounters;
  readonly log: (line: string) => void;
}

const SUMMARY_TITLE = 'Feedback Summary';
const NEW_VALUE_TITLE = 'New Value';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * @example
 * const teacher = createTeacherService({ optimizerModel: createSimulatedModel('optimizer'), userTemplate, counters, log });
 * new AxGEPA({ studentAI, teacherAI: teacher, … });
 */
export function createTeacherService(options: TeacherServiceOptions) {
  const optimizer = createOptimizerPort({ model: options.optimizerModel });
  const { counters, log } = options;

  const summarize = (fields: Record<string, string>): string => {
    counters.teacherSummaryRequests++;
    const feedback = parseJson(fields['Eval Feedback']);
    const lines = Array.isArray(feedback) ? feedback.filter((line): line is string => typeof line === 'string') : [];
    if (lines.length === 0) log('teacher: a summary request came without evaluator feedback');
    return lines.length === 0 ? 'No evaluator feedback.' : lines.join('\n');
  };

  const propose = async (fields: Record<string, string>): Promise<string> => {
    counters.teacherProposalRequests++;
    const currentValue = fields['Current Value'] ?? '';
    const minibatch = parseJson(fields.Minibatch);
    if (!Array.isArray(minibatch)) log('teacher: the proposal request has no readable minibatch');
    const request = buildGepaReflectionRequest({
      currentValue,
      minibatch,
      feedback: readFeedback(fields[SUMMARY_TITLE] ?? ''),
      userTemplate: options.userTemplate,
    });
    const response = await optimizer.generate({
      messages: buildOptimizerMessages(request),
      temperature: 0,
      responseSchema: REFLECTION_ANSWER_SCHEMA,
      // Like Kaizen's loop (seed + round), each proposal gets the next seed.
      seed: (options.optimizerSeed ?? 0) + counters.teacherProposalRequests - 1,
    });
    counters.reflectionCalls++;
    counters.reflectionInputTokens += response.cost.inputTokens;
    counters.reflectionOutputTokens += response.cost.outputTokens;
    const answer = parseReflectionAnswer(response.text, request.editableParts);
    const proposal = counters.teacherProposalRequests;
    const causes = request.cause.criteria.map((criterion) => criterion.id).join(', ') || 'none';
    if (answer === null) {
      counters.droppedProposals++;
      log(`proposal ${proposal}: failed criteria [${causes}]; no usable edit, instruction kept`);
      return currentValue;
    }
    log(`proposal ${proposal}: failed criteria [${causes}] → "${clip(answer.text)}"`);
    return answer.text;
  };

  return new AxMockAIService<string>({
    name: 'kaizen-optimizer-model',
    modelInfo: { name: options.optimizerModel.modelId },
    features: { functions: false, streaming: false },
    chatResponse: async (request) => {
      try {
        const system = systemText(request);
        const fields = readInputFields(firstUserText(request), inputTitles(system));
        const [output] = outputTitles(system);
        let value: string;
        if (output === SUMMARY_TITLE) value = summarize(fields);
        else if (output === NEW_VALUE_TITLE) value = await propose(fields);
        else throw new Error(`unexpected teacher signature (output "${output ?? ''}")`);
        return {
          results: [{ index: 0, content: answerText(output, value), finishReason: 'stop' as const }],
          modelUsage: { ai: 'kaizen-optimizer-model', model: options.optimizerModel.modelId },
        };
      } catch (error) {
        // ax swallows teacher errors (the proposal silently keeps the parent's instruction): keep the reason.
        log(`teacher error: ${errorMessage(error)}`);
        throw error;
      }
    },
  });
}
