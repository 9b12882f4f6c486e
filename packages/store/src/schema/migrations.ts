// The schema steps in order. Append only: a step that has been applied anywhere never changes.
import type { Migration } from './migration.js';
import { migration0001 } from './migration-0001-initial.js';
import { migration0002 } from './migration-0002-prompts.js';
import { migration0003 } from './migration-0003-evaluation.js';
import { migration0004 } from './migration-0004-datasets-experiments.js';
import { migration0005 } from './migration-0005-insights.js';
import { migration0006 } from './migration-0006-optimizations.js';
import { migration0007 } from './migration-0007-span-partitions.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
];

/** The newest version this code knows; a database ahead of it was migrated by a newer Kaizen. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
