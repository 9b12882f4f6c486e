// `kaizen serve --gpu-metrics <seconds>` as a real process, with a stand-in nvidia-smi first on PATH: the query it is
// run with, and its readings on GET /metrics; a bad interval is refused before anything starts.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'kaizen.js');
const dir = mkdtempSync(join(tmpdir(), 'kaizen-serve-gpu-'));
const argsFile = join(dir, 'nvidia-smi-args.txt');

/** Answers like the collector's query on an H200 (values as in fixtures/gpu), and records how it was called. */
function writeFakeNvidiaSmi(): string {
  const bin = join(dir, 'bin');
  const script = join(bin, 'nvidia-smi');
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin);
  writeFileSync(
    script,
    `#!/bin/sh\necho "$@" >> '${argsFile}'\necho '0, GPU-00000000-1111-2222-3333-444444444444, NVIDIA H200, 37, 5, 81920, 143771, 312.45, 51'\n`,
  );
  chmodSync(script, 0o755);
  return bin;
}

function serve(args: string[], path: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', join(dir, 'data'), ...args], {
      env: { ...process.env, KAIZEN_CONFIG: '', KAIZEN_DATABASE_URL: '', PATH: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match?.[1] !== undefined) resolve({ child, url: match[1], log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`kaizen serve exited with ${code}: ${log}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('kaizen serve --gpu-metrics', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('samples nvidia-smi on the interval and shows the readings on /metrics', async () => {
    const bin = writeFakeNvidiaSmi();
    const { child, url } = await serve(['--gpu-metrics', '1'], `${bin}${delimiter}${process.env.PATH ?? ''}`);
    try {
      let text = '';
      const deadline = Date.now() + 15_000;
      while (!text.includes('kaizen_gpu_power_watts{') && Date.now() < deadline) {
        text = await (await fetch(`${url}/metrics`)).text();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const labels = '{gpu="0",name="NVIDIA H200"}';
      expect(text).toContain(`kaizen_gpu_power_watts${labels} 312.45`);
      expect(text).toContain(`kaizen_gpu_utilization_ratio${labels} 0.37`);
      expect(text).toContain(`kaizen_gpu_temperature_celsius${labels} 51`);
      expect(text).toContain(`kaizen_gpu_memory_total_bytes${labels} ${143771 * 1024 * 1024}`);
      // A second sample a second later: the interval is the flag's.
      const sampled = () => readFileSync(argsFile, 'utf8').trim().split('\n');
      const until = Date.now() + 5000;
      while (sampled().length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sampled().length).toBeGreaterThanOrEqual(2);
      expect(sampled()[0]).toBe(
        '--query-gpu=index,uuid,name,utilization.gpu,utilization.memory,memory.used,memory.total,power.draw,temperature.gpu --format=csv,noheader,nounits',
      );
    } finally {
      await stop(child);
    }
  });

  it('refuses an interval that is not a positive whole number of seconds', async () => {
    const run = await runCli(['serve', '--port', '0', '--data', join(dir, 'data'), '--gpu-metrics', 'often'], {
      KAIZEN_CONFIG: '',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--gpu-metrics must be a positive integer, got "often"');
  });
});
