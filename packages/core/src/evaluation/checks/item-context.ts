// One item under evaluation, with what several checks need computed once (the output's JSON, the tool calls).
import type { Span } from '../../trace/span.js';
import type { JsonMode } from '../check-spec.js';
import type { EvaluationSubject } from '../evaluation-subject.js';
import { type ParsedJson, parseJsonOutput } from '../parse-json-output.js';
import { type ObservedToolCall, observeToolCalls } from '../trace-facts.js';

/**
 * @example
 * const item = new ItemContext({ output: '{"a":1}' });
 * item.json('strict'); // parsed once, however many criteria read it
 */
export class ItemContext {
  readonly subject: EvaluationSubject;
  private strictJson: ParsedJson | undefined;
  private extractedJson: ParsedJson | undefined;
  private tools: readonly ObservedToolCall[] | undefined;

  constructor(subject: EvaluationSubject) {
    this.subject = subject;
  }

  json(mode: JsonMode): ParsedJson {
    if (mode === 'strict') {
      this.strictJson ??= parseJsonOutput(this.subject.output, 'strict');
      return this.strictJson;
    }
    this.extractedJson ??= parseJsonOutput(this.subject.output, 'extract');
    return this.extractedJson;
  }

  /** The spans, or null when the subject has none (trace criteria are then skipped). */
  get spans(): readonly Span[] | null {
    const spans = this.subject.spans;
    return spans === undefined || spans.length === 0 ? null : spans;
  }

  toolCalls(): readonly ObservedToolCall[] {
    this.tools ??= observeToolCalls(this.subject.spans ?? []);
    return this.tools;
  }
}
