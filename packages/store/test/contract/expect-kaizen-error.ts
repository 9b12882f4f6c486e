// Asserts that a promise rejects with a KaizenError of the given code.
import { type ErrorCode, KaizenError } from '@kaizen/core';
import { expect } from 'vitest';

export async function expectKaizenError(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error, `expected a KaizenError "${code}", but it resolved`).not.toBeNull();
  expect(KaizenError.isInstance(error), `expected a KaizenError, got ${String(error)}`).toBe(true);
  if (!KaizenError.isInstance(error)) return;
  expect(error.code, error.message).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}
