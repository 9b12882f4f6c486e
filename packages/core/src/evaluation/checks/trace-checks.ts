// Agent criteria on the span tree: tools called or not, tool arguments valid, step bounds, errors, final answer.

import type { MaxStepsCheck, ToolCalledCheck } from '../check-spec.js';
import { leafSpansOfKind } from '../trace-facts.js';
import type { CheckFactory, SpecFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { failed, PASSED, passed, skipped } from './check-outcome.js';
import { limitOf, stringOf } from './read-spec.js';

const NO_SPANS = 'the item has no spans';

/**
 * Tool calls are read from model outputs and from tool spans.
 * @example { kind: 'tool_called', tool: 'search' }
 */
export const toolCalled: SpecFactory<ToolCalledCheck> = (spec, context) => {
  const tool = stringOf(context, spec.tool, 'tool');
  const wanted = spec.kind === 'tool_called';
  return direct((item) => {
    if (item.spans === null) return skipped(NO_SPANS);
    const count = item.toolCalls().filter((call) => call.name === tool).length;
    if (wanted) return count > 0 ? PASSED : failed(`tool "${tool}" was not called`);
    return count === 0 ? PASSED : failed(`tool "${tool}" was called ${count} time(s)`);
  });
};

/**
 * Every call of the tool has arguments that parse as JSON and match the schema. Skipped when it was not called.
 * @example { kind: 'tool_args_valid', tool: 'get_weather', schema: { type: 'object', required: ['city'] } }
 */
export const toolArgsValid: CheckFactory<'tool_args_valid'> = (spec, context) => {
  const tool = stringOf(context, spec.tool, 'tool');
  const validate = context.compileSchema(spec.schema);
  return direct((item) => {
    if (item.spans === null) return skipped(NO_SPANS);
    const calls = item.toolCalls().filter((call) => call.name === tool && call.arguments !== null);
    if (calls.length === 0) return skipped(`tool "${tool}" was not called with recorded arguments`);
    for (const [index, call] of calls.entries()) {
      let value: unknown;
      try {
        value = JSON.parse(call.arguments ?? '');
      } catch {
        return failed(`call ${index + 1} of "${tool}": arguments are not valid JSON`);
      }
      const problem = validate(value);
      if (problem !== null) return failed(`call ${index + 1} of "${tool}": ${problem}`);
    }
    return PASSED;
  });
};

/**
 * Model calls are llm spans without an llm span below them (wrappers repeat their children); steps add tool spans.
 * @example { kind: 'max_model_calls', max: 4 }
 */
export const maxSteps: SpecFactory<MaxStepsCheck> = (spec, context) => {
  const max = limitOf(context, spec.max, 'max');
  const what = spec.kind === 'max_steps' ? 'steps' : 'model calls';
  return direct((item) => {
    const spans = item.spans;
    if (spans === null) return skipped(NO_SPANS);
    let count = leafSpansOfKind(spans, 'llm').length;
    if (spec.kind === 'max_steps') count += leafSpansOfKind(spans, 'tool').length;
    return count <= max ? passed(`${count} ${what}`) : failed(`${count} ${what}, more than ${max}`);
  });
};

/** @example { kind: 'no_span_error' } */
export const noSpanError: CheckFactory<'no_span_error'> = () =>
  direct((item) => {
    const spans = item.spans;
    if (spans === null) return skipped(NO_SPANS);
    const inError = spans.filter((span) => span.status === 'error');
    if (inError.length === 0) return PASSED;
    const names = inError.map((span) => `"${span.name}"${span.statusMessage ? `: ${span.statusMessage}` : ''}`);
    return failed(`${inError.length} span(s) in error: ${names.slice(0, 3).join('; ')}`);
  });

/** The final output has non-blank text (a last step with only tool calls has none). @example { kind: 'final_answer_present' } */
export const finalAnswerPresent: CheckFactory<'final_answer_present'> = () =>
  direct((item) => (item.subject.output.trim() !== '' ? PASSED : failed('the final output is empty')));
