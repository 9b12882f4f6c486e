// Turns a driver error, once a backend has classified it, into a KaizenError the server can map to a status.
import { KaizenError } from '@kaizen/core';

/** What went wrong, independent of the driver. */
export type FailureKind = 'unique' | 'foreign_key' | 'invalid_value' | 'unavailable' | 'other';

export interface FailureContext {
  /** What the store was doing, for the message: `insert spans`. */
  readonly action: string;
  /** The backend, for the message. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Message when a unique constraint fails (`project "x" already exists`). */
  readonly unique?: string;
  /** Message when a foreign key fails (`project … does not exist`). */
  readonly foreignKey?: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @example
 * catch (error) { throw toStoreError(error, classifyPostgresError(error), { action: 'create project', dialect: 'postgres' }); }
 */
export function toStoreError(error: unknown, kind: FailureKind, context: FailureContext): KaizenError {
  if (KaizenError.isInstance(error)) return error;
  const options = { cause: error };
  switch (kind) {
    case 'unique':
      return new KaizenError('conflict', context.unique ?? `${context.action}: ${messageOf(error)}`, options);
    case 'foreign_key':
      return new KaizenError('not_found', context.foreignKey ?? `${context.action}: ${messageOf(error)}`, options);
    case 'invalid_value':
      return new KaizenError('invalid_input', `${context.action}: ${messageOf(error)}`, options);
    case 'unavailable':
      return new KaizenError(
        'unavailable',
        `${context.action} failed: the ${context.dialect} database is unavailable (${messageOf(error)}); retry later`,
        options,
      );
    case 'other':
      return new KaizenError('internal', `${context.action} failed: ${messageOf(error)}`, options);
  }
}
