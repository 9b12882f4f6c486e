// The one table from KaizenError codes to HTTP statuses (and the gRPC codes OTLP error bodies carry).
import { type ErrorCode, KaizenError } from '@kaizen/core';

export interface ErrorStatus {
  readonly http: number;
  /** google.rpc.Code, for OTLP's google.rpc.Status error bodies. */
  readonly grpc: number;
  /** Sent as Retry-After: OTLP exporters retry 429/503 after this many seconds. */
  readonly retryAfterSeconds?: number;
}

/** Typed as a full Record so that a new error code does not compile until it has a status here. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, ErrorStatus>> = {
  invalid_input: { http: 400, grpc: 3 }, // INVALID_ARGUMENT
  unauthorized: { http: 401, grpc: 16 }, // UNAUTHENTICATED
  forbidden: { http: 403, grpc: 7 }, // PERMISSION_DENIED
  not_found: { http: 404, grpc: 5 }, // NOT_FOUND
  conflict: { http: 409, grpc: 6 }, // ALREADY_EXISTS
  payload_too_large: { http: 413, grpc: 8 }, // RESOURCE_EXHAUSTED
  unsupported_media_type: { http: 415, grpc: 3 }, // INVALID_ARGUMENT
  overloaded: { http: 429, grpc: 8, retryAfterSeconds: 1 }, // RESOURCE_EXHAUSTED
  unavailable: { http: 503, grpc: 14, retryAfterSeconds: 5 }, // UNAVAILABLE
  internal: { http: 500, grpc: 13 }, // INTERNAL
};

export interface ErrorResponse {
  readonly code: ErrorCode;
  readonly message: string;
  readonly status: ErrorStatus;
  /** True for errors we did not expect: log them; their message is generic so internals do not leak. */
  readonly unexpected: boolean;
}

/** What to answer for any thrown value. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (KaizenError.isInstance(error) && error.code !== 'internal') {
    return { code: error.code, message: error.message, status: ERROR_STATUS[error.code], unexpected: false };
  }
  return { code: 'internal', message: 'internal server error', status: ERROR_STATUS.internal, unexpected: true };
}

/** Headers every error response of this kind carries (WWW-Authenticate, Retry-After). */
export function errorHeaders(response: ErrorResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  if (response.code === 'unauthorized') headers['www-authenticate'] = 'Bearer realm="kaizen"';
  const retryAfter = response.status.retryAfterSeconds;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return headers;
}
