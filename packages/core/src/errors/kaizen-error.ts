// One error base class for all of Kaizen: a machine-readable code and a message that says what to do next.

/** Codes are stable identifiers; the server maps them to HTTP statuses in one table, the CLI to exit codes. */
export const ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'overloaded',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const MARKER = Symbol.for('kaizen.error');

/**
 * @example
 * throw new KaizenError('invalid_input', 'traceId must be 32 hex characters, got "xyz"');
 * if (KaizenError.isInstance(error) && error.code === 'not_found') { … }
 */
export class KaizenError extends Error {
  readonly code: ErrorCode;
  readonly [MARKER] = true;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KaizenError';
    this.code = code;
  }

  /** Works across package copies, where `instanceof` does not. */
  static isInstance(value: unknown): value is KaizenError {
    return typeof value === 'object' && value !== null && (value as { [MARKER]?: unknown })[MARKER] === true;
  }
}
