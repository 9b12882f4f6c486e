// Test helpers around OpenTelemetry's process-wide registrations, which must not leak from one test to the next.

import type { OtlpSpan } from '@kaizen/core';
import { context, propagation, trace } from '@opentelemetry/api';
import type { KaizenLogger } from '../../src/logger.js';

/** Clears the global tracer provider, context manager and propagator, whoever registered them. */
export function resetOtelGlobals(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}

/** A logger that keeps its warnings for assertions. */
export function recordingLogger(): KaizenLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

/** A span attribute as received, or undefined. */
export function attribute(span: OtlpSpan | undefined, key: string): unknown {
  return span?.attributes[key];
}
