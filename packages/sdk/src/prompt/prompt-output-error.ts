// The typed error of a structured output the model got wrong: not JSON, or JSON that breaks the schema.
import { KaizenError } from '@kaizen/core';

const MARKER = Symbol.for('kaizen.promptOutputError');

/**
 * `parse`: not JSON; `schema`: JSON that violates the output schema; `missing`: no final text (e.g. cut off).
 *
 * @example
 * if (error.kind === 'schema') metrics.increment('extractor.schema_violation');
 */
export type OutputErrorKind = 'parse' | 'schema' | 'missing';

/** What a PromptOutputError carries besides its message. */
export interface PromptOutputErrorDetails {
  readonly kind: OutputErrorKind;
  readonly promptName: string;
  readonly promptVersion: number | null;
  /** What the model answered, as received. */
  readonly text: string;
  /** The trace and span the failure is recorded on, to find it in Kaizen. */
  readonly traceId: string;
  readonly spanId: string;
}

/**
 * Code `internal` for now: core's ERROR_CODES has no code for "the model's output broke its contract", and none of
 * the others fits better. Tell it apart with `PromptOutputError.isInstance` and `kind`.
 *
 * @example
 * try { await extractor.generate(client, page); }
 * catch (error) { if (PromptOutputError.isInstance(error)) console.log(error.kind, error.text, error.traceId); }
 */
export class PromptOutputError extends KaizenError implements PromptOutputErrorDetails {
  readonly [MARKER] = true;
  readonly kind: OutputErrorKind;
  readonly promptName: string;
  readonly promptVersion: number | null;
  readonly text: string;
  readonly traceId: string;
  readonly spanId: string;

  constructor(message: string, details: PromptOutputErrorDetails) {
    super('internal', message);
    this.name = 'PromptOutputError';
    this.kind = details.kind;
    this.promptName = details.promptName;
    this.promptVersion = details.promptVersion;
    this.text = details.text;
    this.traceId = details.traceId;
    this.spanId = details.spanId;
  }

  /** Works across package copies, where `instanceof` does not. */
  static override isInstance(value: unknown): value is PromptOutputError {
    return typeof value === 'object' && value !== null && (value as { [MARKER]?: unknown })[MARKER] === true;
  }
}
