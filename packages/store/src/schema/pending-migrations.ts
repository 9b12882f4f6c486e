// Which steps a database still needs, given the versions it has recorded.
import { KaizenError } from '@kaizen/core';
import type { Migration } from './migration.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';

/** Throws when the database was migrated by a newer Kaizen: running old code on it could corrupt it. */
export function pendingMigrations(appliedVersions: readonly number[]): Migration[] {
  const newest = Math.max(0, ...appliedVersions);
  if (newest > LATEST_SCHEMA_VERSION) {
    throw new KaizenError(
      'internal',
      `the database schema is at version ${newest} but this Kaizen knows versions up to ${LATEST_SCHEMA_VERSION}: upgrade Kaizen`,
    );
  }
  const applied = new Set(appliedVersions);
  return [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((migration) => !applied.has(migration.version));
}
