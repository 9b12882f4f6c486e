// Opens (creating if needed) a SQLite database file with the settings the store relies on.
import Database from 'better-sqlite3';
import { toStoreError } from '../errors/to-store-error.js';
import type { Store } from '../store.js';
import { BackgroundCheckpointer } from './background-checkpointer.js';
import { classifySqliteError } from './classify-sqlite-error.js';
import { createSqliteStore } from './sqlite-store.js';

export interface SqliteStoreOptions {
  /** Path of the database file; `:memory:` for a private in-memory database. */
  readonly file: string;
  /** How long a writer waits for another process's write lock before failing, in ms. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * Checkpoint the WAL from a worker thread instead of on the connection that commits (see BackgroundCheckpointer).
   * Default true for a database file; an in-memory database has no WAL.
   */
  readonly backgroundCheckpoints?: boolean;
}

/**
 * Checkpoint every ~40 MB of WAL rather than SQLite's 4 MB: each checkpoint fsyncs twice and copies the hot index and
 * summary pages once however often they changed: 10-20% faster ingest (docs/architecture/store.md).
 */
const CHECKPOINT_PAGES = 10_000;
/** About 120 MB of WAL at most: past this, writes wait once for a checkpoint that empties it. */
const MAX_WAL_PAGES = 30_000;

/**
 * WAL lets readers run while one writer writes; `synchronous = NORMAL` in WAL mode makes a committed transaction
 * survive a crash of the process (not of the machine: the last transactions may be lost on power failure), which is
 * the durability Kaizen promises, at a fraction of FULL's fsync cost. The caller migrates.
 *
 * @example
 * const store = await openSqliteStore({ file: '.kaizen/kaizen.db' });
 * await store.migrate();
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  let database: Database.Database | null = null;
  try {
    const opened = new Database(options.file);
    database = opened;
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    database.pragma('foreign_keys = ON');
    database.pragma('journal_size_limit = 67108864');
    const inMemory = options.file === ':memory:' || options.file === '' || opened.memory;
    const checkpointer =
      (options.backgroundCheckpoints ?? true) && !inMemory
        ? new BackgroundCheckpointer({
            file: options.file,
            pagesPerCheckpoint: CHECKPOINT_PAGES,
            maxWalFrames: MAX_WAL_PAGES,
            // Back to checkpointing on this connection: slower ingest, never an unbounded WAL.
            onFailure: () => {
              if (opened.open) opened.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
            },
          })
        : null;
    database.pragma(`wal_autocheckpoint = ${checkpointer === null ? CHECKPOINT_PAGES : 0}`);
    return createSqliteStore(database, { checkpointer });
  } catch (error) {
    database?.close();
    throw toStoreError(error, classifySqliteError(error), { action: `open ${options.file}`, dialect: 'sqlite' });
  }
}
