// Samples nvidia-smi on an interval into per-GPU gauges: utilisation, memory, power, temperature.
import { Gauge, type Registry } from 'prom-client';
import type { LabelLimiter } from '../label-limiter.js';
import { GPU_QUERY_FIELDS, type GpuReading, parseNvidiaSmiCsv } from './parse-nvidia-smi.js';
import { type CommandRunner, runCommand } from './run-command.js';

export interface GpuMetricsOptions {
  /** Time between samples. Default 10 s. */
  readonly intervalMs?: number;
  /** Default `nvidia-smi`, found on PATH. */
  readonly command?: string;
  /** Runs the command; tests inject a fake. */
  readonly run?: CommandRunner;
}

export interface GpuCollector {
  /** Samples at once, then every `intervalMs`. */
  start(): void;
  /** One sample now (the timer calls it too); resolves once the gauges are updated. Never rejects. */
  sample(): Promise<void>;
  /** Stops sampling for good; an in-flight sample still lands. */
  stop(): void;
}

const DEFAULT_INTERVAL_MS = 10_000;
/** Distinct failures remembered for once-only logging; past it, new ones are no longer logged. */
const MAX_LOGGED_FAILURES = 50;

export const GPU_QUERY_ARGS: readonly string[] = [
  `--query-gpu=${GPU_QUERY_FIELDS.join(',')}`,
  '--format=csv,noheader,nounits',
];

interface CommandError {
  readonly code?: unknown;
  readonly killed?: unknown;
  readonly stderr?: unknown;
  readonly message?: unknown;
}

function firstLine(text: unknown): string {
  return typeof text === 'string' ? (text.trim().split('\n')[0] ?? '').slice(0, 300) : '';
}

function describeFailure(error: CommandError, timeoutMs: number): string {
  if (error.killed === true) return `timed out after ${timeoutMs} ms`;
  if (typeof error.code === 'number') {
    const stderr = firstLine(error.stderr);
    return `exited with code ${error.code}${stderr === '' ? '' : `: ${stderr}`}`;
  }
  return firstLine(error.message) || String(error);
}

/**
 * Registers the GPU gauges; `start()` samples at once and then every `intervalMs` (an unref'd timer: it never keeps
 * the process alive). A missing nvidia-smi (ENOENT) is logged once and ends sampling: no driver now means none until
 * a restart. Other failures (exit codes, timeouts, output that does not parse) are logged once per distinct message,
 * clear the GPU gauges so no stale reading is scraped, and sampling goes on.
 *
 * @example
 * const collector = createGpuCollector(registry, limiter, { intervalMs: 5000 }, console.error);
 * collector.start(); // … collector.stop();
 */
export function createGpuCollector(
  registry: Registry,
  limiter: LabelLimiter,
  options: GpuMetricsOptions,
  logger: (line: string) => void,
): GpuCollector {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  // A wedged driver can hang nvidia-smi; a sample must end before the next is due, and within 10 s.
  const timeoutMs = Math.max(1000, Math.min(intervalMs, 10_000));
  const command = options.command ?? 'nvidia-smi';
  const run = options.run ?? runCommand;
  const gauge = (name: string, help: string) =>
    new Gauge({ name, help, labelNames: ['gpu', 'name'], registers: [registry] });
  const gauges: ReadonlyArray<readonly [Gauge<'gpu' | 'name'>, (reading: GpuReading) => number | null]> = [
    [
      gauge('kaizen_gpu_utilization_ratio', 'GPU busy share over the last sample period (0 to 1)'),
      (r) => r.utilization,
    ],
    [
      gauge('kaizen_gpu_memory_utilization_ratio', 'Share of time GPU memory was read or written (0 to 1)'),
      (r) => r.memoryUtilization,
    ],
    [gauge('kaizen_gpu_memory_used_bytes', 'GPU memory in use'), (r) => r.memoryUsedBytes],
    [gauge('kaizen_gpu_memory_total_bytes', 'GPU memory in total'), (r) => r.memoryTotalBytes],
    [gauge('kaizen_gpu_power_watts', 'GPU power draw'), (r) => r.powerWatts],
    [gauge('kaizen_gpu_temperature_celsius', 'GPU core temperature'), (r) => r.temperatureCelsius],
  ];
  const up = new Gauge({
    name: 'kaizen_gpu_collector_up',
    help: '1 when the last nvidia-smi sample succeeded, else 0 (see the server log for why)',
    registers: [registry],
  });
  const logged = new Set<string>();
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  function fail(reason: string): void {
    for (const [metric] of gauges) metric.reset();
    up.set(0);
    if (logged.has(reason) || logged.size >= MAX_LOGGED_FAILURES) return;
    logged.add(reason);
    logger(`GPU metrics: nvidia-smi failed (logged once per distinct error): ${reason}`);
  }

  function update(readings: readonly GpuReading[]): void {
    for (const [metric, read] of gauges) {
      // Reset first: a GPU gone from the output (reset, MIG change) must not keep its last value.
      metric.reset();
      for (const reading of readings) {
        const value = read(reading);
        if (value === null) continue;
        const labels = {
          gpu: limiter.value('gpu', 'gpu', reading.index),
          name: limiter.value('gpu', 'name', reading.name),
        };
        metric.set(labels, value);
      }
    }
    up.set(1);
  }

  async function sampleOnce(): Promise<void> {
    let output: string;
    try {
      output = await run(command, GPU_QUERY_ARGS, timeoutMs);
    } catch (error) {
      const failure = (error ?? {}) as CommandError;
      if (failure.code === 'ENOENT') {
        collector.stop();
        up.set(0);
        logger(`GPU metrics off: ${command} not found (install the NVIDIA driver, or run without --gpu-metrics)`);
        return;
      }
      fail(describeFailure(failure, timeoutMs));
      return;
    }
    const parsed = parseNvidiaSmiCsv(output, GPU_QUERY_FIELDS);
    if (parsed.ok) update(parsed.gpus);
    else fail(`unexpected output: ${parsed.reason}`);
  }

  const collector: GpuCollector = {
    start() {
      if (stopped || timer !== null) return;
      timer = setInterval(() => void collector.sample(), intervalMs);
      timer.unref();
      void collector.sample();
    },
    sample() {
      if (stopped) return inFlight ?? Promise.resolve();
      // A slow nvidia-smi never stacks samples: the tick that finds one running waits for it instead.
      inFlight ??= sampleOnce().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
    },
  };
  return collector;
}
