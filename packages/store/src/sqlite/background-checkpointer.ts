// Copies the WAL into the database file from a second connection in a worker thread, off the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What `PRAGMA wal_checkpoint(PASSIVE)` reports, in frames. */
interface CheckpointResult {
  /** Frames in the WAL when the checkpoint began (frames committed while it ran are not counted). */
  readonly log: number;
  /** Of those, frames now copied into the database file. */
  readonly checkpointed: number;
}

type Reply = ({ readonly ok: true } & CheckpointResult) | { readonly ok: false; readonly message: string };

// CommonJS evaluated in the worker, so it needs no file of its own (from source or compiled alike) and no loader.
// The connection's synchronous = NORMAL makes each checkpoint sync the WAL before copying and the database after.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file, { fileMustExist: true });
database.pragma('synchronous = NORMAL');
database.pragma('busy_timeout = 5000');
parentPort.on('message', () => {
  try {
    const [result] = database.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
});
`;

const PAGES_PER_TRANSACTION = 8;

/** The longest writes wait for a catch-up checkpoint. */
const MAX_GATE_MS = 2000;

export interface BackgroundCheckpointerOptions {
  /** The database file (WAL mode). */
  readonly file: string;
  /** Run a checkpoint once about this many WAL pages have been written since the last one. */
  readonly pagesPerCheckpoint: number;
  /** Frames past which the WAL must be emptied: writes then wait for a checkpoint that nothing races. */
  readonly maxWalFrames: number;
  /** Called once if the worker cannot run: the store then checkpoints on its own connection again. */
  readonly onFailure: (error: Error) => void;
}

/**
 * SQLite checkpoints (copying committed WAL frames into the database file, with two fsyncs) cost the connection
 * that commits about a fifth of its insert time when they run there, as `wal_autocheckpoint` does. Here they run
 * from a second connection in a worker thread while the event loop goes on writing: a PASSIVE checkpoint never
 * blocks writers.
 *
 * One catch: the WAL starts over from its beginning only when a write begins after a checkpoint copied every frame,
 * and under continuous ingest new frames always arrive while a checkpoint runs, so the WAL would grow without bound.
 * Once it holds more than `maxWalFrames`, the next write therefore waits (asynchronously: the event loop stays free)
 * for one more checkpoint, short since it copies only what arrived during the last one, and then finds the WAL fully
 * copied and restarts it.
 *
 * The worker starts on the first checkpoint, so short-lived stores (tests, the CLI) never start it.
 */
export class BackgroundCheckpointer {
  readonly #options: BackgroundCheckpointerOptions;
  #worker: Worker | null = null;
  #pending: ((reply: Reply) => void) | null = null;
  /** Checkpoints run one after the other: the worker answers in order, one pending reply at a time. */
  #queue: Promise<void> = Promise.resolve();
  #running: Promise<CheckpointResult | null> | null = null;
  #pagesSinceCheckpoint = 0;
  /** Set while writes must wait for a catch-up checkpoint. */
  #gate: Promise<void> | null = null;
  #failed = false;
  #closed = false;

  constructor(options: BackgroundCheckpointerOptions) {
    this.#options = options;
  }

  /** A promise to await before the next write transaction, or null when writes may go ahead. */
  get gate(): Promise<void> | null {
    return this.#gate;
  }

  /**
   * Counts a transaction just committed and starts a checkpoint once enough has been written. Its WAL pages are
   * estimated: on the ingest path a row adds about one page (its own share, the index pages it touches), and every
   * transaction a few more (summaries, interior pages).
   */
  committed(rows: number): void {
    if (this.#failed || this.#closed) return;
    this.#pagesSinceCheckpoint += rows + PAGES_PER_TRANSACTION;
    if (this.#running !== null || this.#pagesSinceCheckpoint < this.#options.pagesPerCheckpoint) return;
    this.#pagesSinceCheckpoint = 0;
    const running = this.#checkpoint();
    this.#running = running;
    void running.then((result) => {
      this.#running = null;
      // `log` is the WAL’s size when the checkpoint began: past the limit, it has not restarted for a while.
      if (result !== null && result.log > this.#options.maxWalFrames) {
        this.#gate ??= this.#catchUp();
      }
    });
  }

  /** Resolves when no checkpoint is running or waited for. */
  async idle(): Promise<void> {
    while (this.#running !== null || this.#gate !== null) {
      await this.#running;
      await this.#gate;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
    await this.#worker?.terminate();
    this.#worker = null;
  }

  /**
   * Writes wait on the gate while this runs, so the checkpoint copies every frame and the WAL can restart; never
   * longer than MAX_GATE_MS (a stuck disk must not stop ingest: the WAL then just grows until the next try).
   */
  async #catchUp(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, MAX_GATE_MS);
      timer.unref();
    });
    try {
      await Promise.race([this.#checkpoint(), timeout]);
    } finally {
      clearTimeout(timer);
      this.#gate = null;
    }
  }

  /** One PASSIVE checkpoint in the worker, after any still running; null when the worker failed (see onFailure). */
  #checkpoint(): Promise<CheckpointResult | null> {
    const result = this.#queue.then(() => this.#runCheckpoint());
    this.#queue = result.then(() => undefined);
    return result;
  }

  async #runCheckpoint(): Promise<CheckpointResult | null> {
    if (this.#failed || this.#closed) return null;
    try {
      const worker = this.#worker ?? this.#start();
      const reply = await new Promise<Reply>((resolve) => {
        this.#pending = resolve;
        worker.postMessage('checkpoint');
      });
      if (!reply.ok) throw new Error(reply.message);
      return reply;
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
  }

  #start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.#options.file, driver } });
    // A background thread must not keep the process alive once the store is no longer used.
    worker.unref();
    worker.on('message', (reply: Reply) => this.#settle(reply));
    worker.on('error', (error) => this.#settle({ ok: false, message: error.message }));
    worker.on('exit', (code) => {
      if (!this.#closed) this.#settle({ ok: false, message: `checkpoint worker exited with code ${code}` });
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending !== null) pending(reply);
    else if (!reply.ok) this.#fail(new Error(reply.message));
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    void this.#worker?.terminate();
    this.#worker = null;
    this.#options.onFailure(error);
  }
}
