// Unit tests: WAL checkpoints from a worker thread keep the WAL bounded under continuous writes, and fail safe.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BackgroundCheckpointer } from './background-checkpointer.js';

const folder = mkdtempSync(join(tmpdir(), 'kaizen-checkpointer-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function openDatabase(name: string): { file: string; database: Database.Database } {
  const file = join(folder, name);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('wal_autocheckpoint = 0');
  database.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  return { file, database };
}

/** The store's write loop: wait at the gate, commit, report. About 25 pages of 4 KiB per transaction. */
async function write(database: Database.Database, checkpointer: BackgroundCheckpointer, transactions: number) {
  const insert = database.prepare('INSERT INTO rows (payload) VALUES (?)');
  const payload = 'x'.repeat(4000);
  for (let index = 0; index < transactions; index += 1) {
    const gate = checkpointer.gate;
    if (gate) await gate;
    database.transaction(() => {
      for (let row = 0; row < 25; row += 1) insert.run(payload);
    })();
    checkpointer.committed(25);
    // Time for the worker's replies to come in, as between two requests.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('BackgroundCheckpointer', () => {
  it('copies the WAL into the database and keeps it bounded while writes go on', async () => {
    const { file, database } = openDatabase('bounded.db');
    const failures: Error[] = [];
    const checkpointer = new BackgroundCheckpointer({
      file,
      pagesPerCheckpoint: 200,
      maxWalFrames: 1000,
      onFailure: (error) => failures.push(error),
    });
    // Once the worker has started, writes go on while it checkpoints.
    await write(database, checkpointer, 10);
    await checkpointer.idle();
    await write(database, checkpointer, 390);
    await checkpointer.idle();
    // 400 transactions wrote ~10,800 frames: without restarts the WAL would still hold them all. With them it holds
    // at most the limit plus what was written while the last checkpoint ran (generous: the machine may be busy).
    const [frames] = database.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(frames?.log).toBeLessThan(4000);
    expect(statSync(file).size).toBeGreaterThan(5000 * 4096);
    await checkpointer.close();
    expect(failures).toEqual([]);
    expect(database.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 10_000 });
    database.close();
  });

  it('reports a worker that cannot run, once, and stops trying', async () => {
    const { database } = openDatabase('failing.db');
    const failures: Error[] = [];
    const checkpointer = new BackgroundCheckpointer({
      file: join(folder, 'missing', 'nothing.db'),
      pagesPerCheckpoint: 10,
      maxWalFrames: 1000,
      onFailure: (error) => failures.push(error),
    });
    await write(database, checkpointer, 20);
    await checkpointer.idle();
    expect(failures).toHaveLength(1);
    expect(checkpointer.gate).toBeNull();
    await checkpointer.close();
    database.close();
  });
});
