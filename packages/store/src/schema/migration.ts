// One versioned schema step, with its SQL for each dialect.

export interface Migration {
  /** Applied in increasing order; recorded in `schema_migrations`. */
  readonly version: number;
  readonly name: string;
  /** Several statements, run in one transaction with the other pending steps. */
  readonly sqlite: string;
  readonly postgres: string;
}
