// A throwaway Postgres cluster for tests and benchmarks: initdb into a temp folder, start on a free port, delete.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TemporaryPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`, trust authentication. */
  readonly url: string;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

export interface TemporaryPostgresOptions {
  /**
   * Keep fsync and synchronous commit on, as a production server would: for benchmarks. Tests leave it off, since
   * a throwaway cluster need not survive a power cut and fsync would only slow them down.
   */
  readonly durable?: boolean;
}

/** initdb or pg_ctl could not be found: the caller decides whether that fails the run or skips. */
export class PostgresBinariesMissingError extends Error {
  override readonly name = 'PostgresBinariesMissingError';
}

/** The folder holding both initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | null {
  const versioned = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const folders = [...(process.env.PATH ?? '').split(delimiter).filter((folder) => folder !== ''), ...versioned];
  return folders.find((folder) => existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl'))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const quote = (argument: string) => `'${argument.replaceAll("'", "'\\''")}'`;

/** initdb refuses to run as root (CI runs as root): then run as the `postgres` system user. */
async function runAsOwner(binary: string, args: readonly string[]): Promise<void> {
  if (process.getuid?.() === 0) {
    await run('su', ['postgres', '-s', '/bin/sh', '-c', [binary, ...args].map(quote).join(' ')]);
  } else {
    await run(binary, [...args]);
  }
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch (error) {
    throw new Error('running as root, but there is no `postgres` user to run initdb as: create one', {
      cause: error,
    });
  }
}

/**
 * @example
 * const postgres = await startTemporaryPostgres();
 * try { await runTests(postgres.url); } finally { await postgres.stop(); }
 */
export async function startTemporaryPostgres(options: TemporaryPostgresOptions = {}): Promise<TemporaryPostgres> {
  const bin = findPostgresBin();
  if (bin === null) {
    throw new PostgresBinariesMissingError(
      'initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin: install PostgreSQL 15+ ' +
        '(Debian: apt-get install postgresql) or set KAIZEN_TEST_DATABASE_URL to a server the tests may create databases on',
    );
  }
  const root = await mkdtemp(join(tmpdir(), 'kaizen-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'postgres.log');
  const pgCtl = join(bin, 'pg_ctl');
  const stop = async () => {
    await runAsOwner(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    if (process.getuid?.() === 0) {
      const { uid, gid } = await postgresUserIds();
      await chown(root, uid, gid);
    }
    await runAsOwner(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const speed = options.durable === true ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    // Another process may take the free port before the server binds it: try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1${speed}`;
      try {
        await runAsOwner(pgCtl, ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await stop();
    throw new Error(`could not start a temporary Postgres in ${root}: ${String(error)}\n${log.slice(-2000)}`, {
      cause: error,
    });
  }
}

/**
 * A cluster a test can stop and start again on the same port and data (reliability tests: the database goes away
 * under load and comes back). The shared test server of global-setup.ts must never be restarted under other suites.
 * @example
 * const postgres = await startRestartablePostgres(bin); await postgres.stop(); await postgres.start();
 */
export interface RestartablePostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  readonly url: string;
  /** `pg_ctl stop -m fast`: sessions are terminated; resolves once the server is down. */
  stop(): Promise<void>;
  /** `pg_ctl start` on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server (if up) and deletes its files. */
  destroy(): Promise<void>;
}

export async function startRestartablePostgres(bin: string): Promise<RestartablePostgres> {
  const root = await mkdtemp(join(tmpdir(), 'kaizen-reliability-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'postgres.log');
  const pgCtl = join(bin, 'pg_ctl');
  let port = 0;
  const start = () =>
    runAsOwner(pgCtl, [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-o',
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  const stopWith = (mode: 'fast' | 'immediate') => runAsOwner(pgCtl, ['-D', dataDir, '-m', mode, '-w', 'stop']);
  const destroy = async () => {
    await stopWith('immediate').catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    if (process.getuid?.() === 0) {
      const { uid, gid } = await postgresUserIds();
      await chown(root, uid, gid);
    }
    await runAsOwner(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    // Another process may take the free port before the server binds it: try a few.
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await destroy();
    throw new Error(`could not start a Postgres in ${root}: ${String(error)}\n${log.slice(-2000)}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => stopWith('fast'),
    start,
    destroy,
  };
}
