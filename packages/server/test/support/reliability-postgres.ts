// A Postgres cluster of the test's own that it can stop and start again on the same port (the shared test server of
// store/test/global-setup.ts must not be restarted under other suites). Same steps as store/test/postgres-harness.ts,
// whose helpers are not exported: initdb as the `postgres` user when running as root, trust auth, loopback only.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** The folder holding initdb and pg_ctl (PATH, then Debian's /usr/lib/postgresql/<version>/bin), or null. */
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

/** initdb and pg_ctl refuse to run as root: then run them as the `postgres` system user. */
async function runAsOwner(binary: string, args: readonly string[]): Promise<void> {
  if (process.getuid?.() === 0) {
    await run('su', ['postgres', '-s', '/bin/sh', '-c', [binary, ...args].map(quote).join(' ')]);
  } else {
    await run(binary, [...args]);
  }
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
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
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
