// The few `pg` methods the store calls, as structural types: the driver stays swappable and mockable.

export interface PgQueryConfig {
  /** Set for the fixed statements: pg prepares a named statement once per connection and reuses it. */
  readonly name?: string;
  readonly text: string;
  readonly values?: unknown[];
}

export interface PgQueryResult {
  readonly rows: unknown[];
  readonly rowCount: number | null;
}

export interface PgClient {
  query(config: PgQueryConfig): Promise<PgQueryResult>;
  /** `true` (or an error) destroys the connection instead of returning it to the pool. */
  release(destroy?: Error | boolean): void;
  /** pg emits a lost connection here as well as failing the query; unheard, the event would end the process. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Satisfied by a `pg` Pool.
 *
 * @example
 * const pool: PgPool = new Pool({ connectionString });
 */
export interface PgPool {
  connect(): Promise<PgClient>;
  query(config: PgQueryConfig): Promise<PgQueryResult>;
  end(): Promise<void>;
}
