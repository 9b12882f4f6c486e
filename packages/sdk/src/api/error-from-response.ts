// Turns a failed HTTP exchange with Kaizen into a KaizenError whose code says what happened.
import { ERROR_CODES, type ErrorCode, KaizenError } from '@kaizen/core';

/** Used when the body carries no known code (a proxy's HTML page, an older server). */
const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'overloaded',
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The code for an HTTP status: the table above, `unavailable` for any 5xx, `internal` for anything else.
 *
 * @example
 * codeForStatus(429); // 'overloaded'
 * codeForStatus(502); // 'unavailable'
 */
export function codeForStatus(status: number): ErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'unavailable' : 'internal');
}

function readErrorBody(text: string): { code?: unknown; message?: unknown } {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return {};
    const error: unknown = (body as { error?: unknown }).error;
    return typeof error === 'object' && error !== null ? error : {};
  } catch {
    return {};
  }
}

/**
 * A KaizenError for a non-2xx answer. The server's own code wins when it sends a known one (it holds the one
 * code → status table, so reading its code back loses nothing); the status decides otherwise. 5xx stays
 * `unavailable` even when the body says `internal`, because to a client both mean "try later, elsewhere".
 *
 * @example
 * errorFromResponse(404, '{"error":{"code":"not_found","message":"no prompt named x"}}', 'GET /api/prompts/x');
 * // KaizenError { code: 'not_found', message: 'no prompt named x' }
 */
export function errorFromResponse(status: number, text: string, what: string): KaizenError {
  const body = readErrorBody(text);
  const code = status >= 500 ? 'unavailable' : isErrorCode(body.code) ? body.code : codeForStatus(status);
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : `HTTP ${status}`;
  const hint = code === 'unauthorized' ? ' Check the API key (create one with `kaizen keys create`).' : '';
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return new KaizenError(code, `${what}: ${sentence}${hint}`);
}
