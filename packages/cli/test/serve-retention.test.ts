// `kaizen serve --retention-days <n>` (or KAIZEN_RETENTION_DAYS): a real process deletes old traces at start; a bad
// value is refused before anything starts, named by where it came from.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@kaizen/store';
import { makeSpan } from '@kaizen/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'kaizen.js');
const dir = mkdtempSync(join(tmpdir(), 'kaizen-serve-retention-'));

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('kaizen serve --retention-days', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes the traces older than the retention at start; the flag beats the environment', async () => {
    const data = join(dir, 'data');
    const store = await openStore({ dataDir: data });
    const project = await store.createProject('p');
    const old = makeSpan({ startTime: '2025-03-01T12:00:00.000Z' });
    const recent = makeSpan({ startTime: new Date().toISOString() });
    await store.insertSpans(project.id, [old, recent]);
    await store.close();

    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', data, '--retention-days', '30'], {
      env: { ...process.env, KAIZEN_CONFIG: '', KAIZEN_DATABASE_URL: '', KAIZEN_RETENTION_DAYS: 'never' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    try {
      const deadline = Date.now() + 20_000;
      while (!log.includes('retention:') && child.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(log).toMatch(/retention: traces before \S+: 1 trace\(s\), 1 span\(s\) and 0 score\(s\) deleted/);
    } finally {
      await stop(child);
    }
    const reopened = await openStore({ dataDir: data });
    const kept = await reopened.listTraces(project.id, {});
    await reopened.close();
    expect(kept.items.map((trace) => trace.traceId)).toEqual([recent.traceId]);
  });

  it('refuses a retention that is not a positive whole number of days, from the flag or the environment', async () => {
    const args = ['serve', '--port', '0', '--data', join(dir, 'refused')];
    const flag = await runCli([...args, '--retention-days', '0'], { KAIZEN_CONFIG: '' });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--retention-days must be a positive integer, got "0"');
    const env = await runCli(args, { KAIZEN_CONFIG: '', KAIZEN_RETENTION_DAYS: '1.5' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('KAIZEN_RETENTION_DAYS must be a positive integer, got "1.5"');
  });
});
