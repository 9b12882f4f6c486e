// GPU metrics: the nvidia-smi parser against real captured output (fixtures/gpu), the collector with a fake command
// runner (success, a missing nvidia-smi reported once, failures logged once per distinct error), and the gauges on
// a server's /metrics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGpuCollector, GPU_QUERY_ARGS } from '../src/metrics/gpu/gpu-collector.js';
import { GPU_QUERY_FIELDS, parseNvidiaSmiCsv } from '../src/metrics/gpu/parse-nvidia-smi.js';
import { type CommandRunner, runCommand } from '../src/metrics/gpu/run-command.js';
import { createLabelLimiter } from '../src/metrics/label-limiter.js';
import { startServer } from '../src/start-server.js';
import { SQLITE } from './support/backends.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'gpu');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const MIB = 1024 * 1024;

/** The fields of query-gpu-nounits.csv's command (fixtures/gpu/SOURCE.md). */
const NOUNITS_FIXTURE_FIELDS = [
  'index',
  'uuid',
  'name',
  'utilization.gpu',
  'memory.used',
  'memory.total',
  'power.draw',
];

/** The collector's own query as an H200 answers it: the fixtures' values, in GPU_QUERY_FIELDS order. */
const H200_LINE = '0, GPU-00000000-1111-2222-3333-444444444444, NVIDIA H200, 37, 5, 81920, 143771, 312.45, 51\n';

function readings(output: string, fields?: readonly string[]) {
  const parsed = parseNvidiaSmiCsv(output, fields);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.gpus;
}

describe('parseNvidiaSmiCsv on real nvidia-smi output', () => {
  it('reads the noheader,nounits capture with the field list of its command', () => {
    expect(readings(fixture('query-gpu-nounits.csv'), NOUNITS_FIXTURE_FIELDS)).toEqual([
      {
        index: '0',
        uuid: 'GPU-00000000-1111-2222-3333-444444444444',
        name: 'NVIDIA H200',
        utilization: 0,
        memoryUtilization: null,
        memoryUsedBytes: 0,
        memoryTotalBytes: 143771 * MIB,
        powerWatts: 126.53,
        temperatureCelsius: null,
      },
    ]);
  });

  it('reads the --format=csv capture from its header, past the units in names and values', () => {
    expect(readings(fixture('query-gpu.csv'))).toEqual([
      {
        index: '0',
        uuid: 'GPU-00000000-1111-2222-3333-444444444444',
        name: 'NVIDIA H200',
        utilization: 0,
        memoryUtilization: 0,
        memoryUsedBytes: 0,
        memoryTotalBytes: 143771 * MIB,
        powerWatts: 126.51,
        temperatureCelsius: 34,
      },
    ]);
  });

  it('agrees with the nvidia-smi table captured at the same moment', () => {
    const table = fixture('nvidia-smi.txt');
    const [gpu] = readings(fixture('query-gpu.csv'));
    expect(table).toContain(`${gpu?.temperatureCelsius}C`);
    expect(table).toContain(`${(gpu?.memoryUsedBytes ?? -1) / MIB}MiB / ${(gpu?.memoryTotalBytes ?? -1) / MIB}MiB`);
    // The table truncates watts (126.51 W reads 126W).
    expect(table).toContain(`${Math.trunc(gpu?.powerWatts ?? -1)}W`);
    expect(table).toContain(gpu?.name);
  });
});

describe('parseNvidiaSmiCsv on written-by-hand cases', () => {
  it('reads several GPUs, [N/A] and [Not Supported] as missing values, stray whitespace and CRLF', () => {
    const output =
      '0, GPU-a, NVIDIA A100-SXM4-80GB, 98, 41, 70000, 81920, 398.2, 67\r\n' +
      '  1 ,GPU-b,   NVIDIA A100-SXM4-80GB  , [N/A], [Not Supported], 10, 81920, [N/A], 35  \r\n\r\n';
    const gpus = readings(output, GPU_QUERY_FIELDS);
    expect(gpus.map((gpu) => gpu.index)).toEqual(['0', '1']);
    expect(gpus[0]).toMatchObject({ utilization: 0.98, memoryUtilization: 0.41, powerWatts: 398.2 });
    expect(gpus[1]).toMatchObject({
      name: 'NVIDIA A100-SXM4-80GB',
      utilization: null,
      memoryUtilization: null,
      memoryUsedBytes: 10 * MIB,
      powerWatts: null,
      temperatureCelsius: 35,
    });
  });

  it('refuses output that does not fit the query rather than exporting shifted columns', () => {
    expect(parseNvidiaSmiCsv('No devices were found\n', GPU_QUERY_FIELDS)).toMatchObject({ ok: false });
    expect(parseNvidiaSmiCsv(fixture('query-gpu-nounits.csv'), GPU_QUERY_FIELDS)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('expected 9 comma-separated values, got 7'),
    });
    expect(parseNvidiaSmiCsv('', GPU_QUERY_FIELDS)).toEqual({ ok: true, gpus: [] });
  });
});

describe('runCommand', () => {
  it('rejects with code ENOENT for a missing program and killed on timeout, as the collector expects', async () => {
    await expect(runCommand('kaizen-test-no-such-program', [], 1000)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], 200)).rejects.toMatchObject({
      killed: true,
    });
    await expect(runCommand(process.execPath, ['-e', 'process.stdout.write("ok")'], 5000)).resolves.toBe('ok');
  });
});

describe('createGpuCollector', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function collect(run: CommandRunner, intervalMs = 1000) {
    const registry = new Registry();
    const logs: string[] = [];
    const collector = createGpuCollector(registry, createLabelLimiter(registry), { intervalMs, run }, (line) =>
      logs.push(line),
    );
    collector.start();
    return { registry, logs, collector };
  }

  it('runs nvidia-smi with the query and exports utilisation, memory, power and temperature per GPU', async () => {
    const run = vi.fn<CommandRunner>(async () => H200_LINE);
    const { registry, collector } = collect(run);
    await collector.sample();
    collector.stop();
    expect(run).toHaveBeenCalledWith('nvidia-smi', GPU_QUERY_ARGS, 1000);
    expect(GPU_QUERY_ARGS).toEqual([`--query-gpu=${GPU_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits']);
    const text = await registry.metrics();
    const labels = '{gpu="0",name="NVIDIA H200"}';
    expect(text).toContain(`kaizen_gpu_utilization_ratio${labels} 0.37`);
    expect(text).toContain(`kaizen_gpu_memory_utilization_ratio${labels} 0.05`);
    expect(text).toContain(`kaizen_gpu_memory_used_bytes${labels} ${81920 * MIB}`);
    expect(text).toContain(`kaizen_gpu_memory_total_bytes${labels} ${143771 * MIB}`);
    expect(text).toContain(`kaizen_gpu_power_watts${labels} 312.45`);
    expect(text).toContain(`kaizen_gpu_temperature_celsius${labels} 51`);
    expect(text).toContain('kaizen_gpu_collector_up 1');
  });

  it('samples at once and then on the interval, and stops when told', async () => {
    vi.useFakeTimers();
    const run = vi.fn<CommandRunner>(async () => H200_LINE);
    const { collector } = collect(run, 5000);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(run).toHaveBeenCalledTimes(4);
    collector.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('reports a missing nvidia-smi once and stops sampling: no error loop', async () => {
    vi.useFakeTimers();
    const run = vi.fn<CommandRunner>(async () => {
      throw Object.assign(new Error('spawn nvidia-smi ENOENT'), { code: 'ENOENT' });
    });
    const { registry, logs } = collect(run, 1000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(logs).toEqual([
      'GPU metrics off: nvidia-smi not found (install the NVIDIA driver, or run without --gpu-metrics)',
    ]);
    expect(await registry.metrics()).toContain('kaizen_gpu_collector_up 0');
  });

  it('logs a failing nvidia-smi once per distinct error, clears stale readings and keeps sampling', async () => {
    vi.useFakeTimers();
    const driverDown = Object.assign(new Error('Command failed: nvidia-smi'), {
      code: 9,
      stderr: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\nMore text\n",
    });
    const answers: (() => string)[] = [
      () => H200_LINE,
      ...Array.from({ length: 5 }, () => () => {
        throw driverDown;
      }),
      () => {
        throw Object.assign(new Error('Command failed'), { killed: true, signal: 'SIGTERM' });
      },
      () => 'garbage',
      () => 'garbage',
      () => H200_LINE,
    ];
    const run = vi.fn<CommandRunner>(async () => (answers.shift() ?? (() => H200_LINE))());
    const { registry, logs } = collect(run, 1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(await registry.metrics()).toContain('kaizen_gpu_power_watts{gpu="0",name="NVIDIA H200"} 312.45');
    await vi.advanceTimersByTimeAsync(1000);
    const failed = await registry.metrics();
    expect(failed).not.toContain('kaizen_gpu_power_watts{');
    expect(failed).toContain('kaizen_gpu_collector_up 0');
    await vi.advanceTimersByTimeAsync(8000);
    expect(run).toHaveBeenCalledTimes(10);
    expect(logs).toEqual([
      "GPU metrics: nvidia-smi failed (logged once per distinct error): exited with code 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
      'GPU metrics: nvidia-smi failed (logged once per distinct error): timed out after 1000 ms',
      'GPU metrics: nvidia-smi failed (logged once per distinct error): unexpected output: expected 9 comma-separated values, got 1: "garbage"',
    ]);
    const recovered = await registry.metrics();
    expect(recovered).toContain('kaizen_gpu_power_watts{gpu="0",name="NVIDIA H200"} 312.45');
    expect(recovered).toContain('kaizen_gpu_collector_up 1');
  });

  it('never stacks samples behind a slow nvidia-smi, and drops a GPU gone from the output', async () => {
    vi.useFakeTimers();
    let finish: (output: string) => void = () => {};
    const run = vi
      .fn<CommandRunner>()
      .mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            finish = resolve;
          }),
      )
      .mockResolvedValue(H200_LINE);
    const { registry } = collect(run, 1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
    finish(`${H200_LINE}1, GPU-b, NVIDIA H200, 1, 1, 1, 143771, 100, 30\n`);
    await vi.advanceTimersByTimeAsync(0);
    expect(await registry.metrics()).toContain('kaizen_gpu_power_watts{gpu="1",name="NVIDIA H200"} 100');
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(await registry.metrics()).not.toContain('gpu="1"');
  });

  it('reports a real missing program once, through execFile', async () => {
    const registry = new Registry();
    const logs: string[] = [];
    const collector = createGpuCollector(
      registry,
      createLabelLimiter(registry),
      { intervalMs: 1000, command: 'kaizen-test-no-nvidia-smi' },
      (line) => logs.push(line),
    );
    await collector.sample();
    await collector.sample();
    expect(logs).toEqual([
      'GPU metrics off: kaizen-test-no-nvidia-smi not found (install the NVIDIA driver, or run without --gpu-metrics)',
    ]);
  });
});

describe('GPU gauges on a server', () => {
  it('shows the collector readings on /metrics, and stops sampling when the server closes', async () => {
    const opened = await SQLITE.open();
    const run = vi.fn<CommandRunner>(async () => H200_LINE);
    const server = await startServer({
      store: opened.store,
      port: 0,
      ingestWorkers: 0,
      onlineEvaluation: false,
      metrics: { gpu: { intervalMs: 50, run } },
    });
    try {
      let text = '';
      for (let attempt = 0; attempt < 100 && !text.includes('kaizen_gpu_temperature_celsius{'); attempt += 1) {
        text = await (await fetch(`${server.url}/metrics`)).text();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(text).toContain('kaizen_gpu_temperature_celsius{gpu="0",name="NVIDIA H200"} 51');
      expect(text).toContain('kaizen_gpu_utilization_ratio{gpu="0",name="NVIDIA H200"} 0.37');
    } finally {
      await server.close();
      await opened.dispose();
    }
    const calls = run.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run.mock.calls.length).toBe(calls);
  });
});
