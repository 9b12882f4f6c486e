// bench:ingest — OTLP/JSON ingest over HTTP into a running `kaizen serve`, next to a direct SQLite insert reference.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildJsonBatches } from './realistic-spans.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 300);
const SPANS_PER_BATCH = 500;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const CLI = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'kaizen.js');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server process.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
    const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--port', '0', '--data', dataDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(log);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** CPU seconds (user + system) of each thread of a process, by thread id; the main thread's id is the pid. */
function threadCpuSeconds(pid: number): Map<number, { name: string; seconds: number }> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const threads = new Map<number, { name: string; seconds: number }>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      threads.set(Number(task), { name, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

/** Diagnostics: CPU µs per span of the server's busiest threads during the measured run. */
function describeServerCpu(
  pid: number,
  before: Map<number, { name: string; seconds: number }>,
  after: Map<number, { name: string; seconds: number }>,
  spans: number,
): { total: number; line: string } {
  const used = [...after].map(([id, thread]) => ({
    label: id === pid ? 'main' : `${thread.name}#${id}`,
    micros: ((thread.seconds - (before.get(id)?.seconds ?? 0)) * 1e6) / spans,
  }));
  used.sort((a, b) => b.micros - a.micros);
  const total = used.reduce((sum, thread) => sum + thread.micros, 0);
  const busiest = used
    .filter((thread) => thread.micros >= 0.5)
    .map((thread) => `${thread.label} ${thread.micros.toFixed(1)}`)
    .join(', ');
  return { total, line: `${total.toFixed(1)} µs/span (${busiest})` };
}

function post(agent: http.Agent, url: URL, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${key}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function sendAll(
  url: string,
  key: string,
  bodies: readonly string[],
): Promise<{ seconds: number; latencies: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL('/v1/traces', url);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] ?? '';
        const sent = performance.now();
        const status = await post(agent, target, key, body);
        if (status !== 200) throw new Error(`ingest answered HTTP ${status}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  agent.destroy();
  return { seconds: (performance.now() - started) / 1000, latencies };
}

interface JsonSpanLike {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: unknown;
}
interface JsonBody {
  resourceSpans: { scopeSpans: { spans: JsonSpanLike[] }[] }[];
}

/** The reference: the same bodies JSON.parse'd and inserted with one prepared statement in one transaction. */
function referenceInsert(dir: string, bodies: readonly string[]): { seconds: number; spans: number } {
  const db = new Database(join(dir, 'reference.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE spans (trace_id TEXT NOT NULL, span_id TEXT NOT NULL, parent_span_id TEXT, name TEXT NOT NULL,
    start_time INTEGER NOT NULL, end_time INTEGER NOT NULL, attributes TEXT NOT NULL, PRIMARY KEY (trace_id, span_id))`);
  const insert = db.prepare('INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?)');
  let spans = 0;
  const started = performance.now();
  db.transaction(() => {
    for (const body of bodies) {
      const parsed = JSON.parse(body) as JsonBody;
      for (const resource of parsed.resourceSpans) {
        for (const scope of resource.scopeSpans) {
          for (const span of scope.spans) {
            insert.run(
              span.traceId,
              span.spanId,
              span.parentSpanId ?? null,
              span.name,
              Number(BigInt(span.startTimeUnixNano) / 1000n),
              Number(BigInt(span.endTimeUnixNano) / 1000n),
              JSON.stringify(span.attributes),
            );
            spans++;
          }
        }
      }
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, spans };
}

function countStoredSpans(dataDir: string): number {
  const db = new Database(join(dataDir, 'kaizen.db'), { readonly: true });
  const row = db.prepare('SELECT count(*) AS n FROM spans').get() as { n: number };
  db.close();
  return row.n;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-bench-ingest-'));
  const dataDir = join(dir, 'data');
  try {
    const warmup = buildJsonBatches({ batches: 20, spansPerBatch: SPANS_PER_BATCH, seed: 1 });
    const bodies = buildJsonBatches({ batches: BATCHES, spansPerBatch: SPANS_PER_BATCH, seed: 2 });
    const spansPerBody = (JSON.parse(bodies[0] ?? '{}') as JsonBody).resourceSpans[0]?.scopeSpans[0]?.spans.length ?? 0;
    const totalSpans = spansPerBody * bodies.length;
    const megabytes = bodies.reduce((sum, body) => sum + body.length, 0) / 1024 / 1024;
    console.log(
      `bench:ingest — ${totalSpans} spans in ${bodies.length} OTLP/JSON requests of ${spansPerBody} spans (${megabytes.toFixed(1)} MB), concurrency ${CONCURRENCY}`,
    );

    const key = execFileSync(process.execPath, [CLI, 'keys', 'create', '--project', 'bench', '--data', dataDir], {
      encoding: 'utf8',
    }).trim();
    const { child, url } = await startServer(dataDir);
    let result: { seconds: number; latencies: number[] };
    let rssMb: number;
    let serverCpu: { total: number; line: string };
    let clientCpuMicros: number;
    try {
      await sendAll(url, key, warmup);
      const cpuBefore = threadCpuSeconds(child.pid ?? 0);
      const clientBefore = process.cpuUsage();
      result = await sendAll(url, key, bodies);
      const clientUsed = process.cpuUsage(clientBefore);
      clientCpuMicros = (clientUsed.user + clientUsed.system) / totalSpans;
      serverCpu = describeServerCpu(child.pid ?? 0, cpuBefore, threadCpuSeconds(child.pid ?? 0), totalSpans);
      rssMb = peakRssMb(child.pid ?? 0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const stored = countStoredSpans(dataDir);
    const expected = totalSpans + spansPerBody * warmup.length;
    const lost = expected - stored;

    const reference = referenceInsert(dir, bodies);
    const spansPerSec = totalSpans / result.seconds;
    const referenceSpansPerSec = reference.spans / reference.seconds;
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const figures = {
      bench: 'ingest',
      spans: totalSpans,
      spansPerSec: Math.round(spansPerSec),
      referenceSpansPerSec: Math.round(referenceSpansPerSec),
      ratio: Number((spansPerSec / referenceSpansPerSec).toFixed(3)),
      p50Ms: Number(percentile(sorted, 50).toFixed(1)),
      p99Ms: Number(percentile(sorted, 99).toFixed(1)),
      peakRssMb: Number(rssMb.toFixed(1)),
      lostSpans: lost,
      serverCpuUsPerSpan: Number(serverCpu.total.toFixed(1)),
      clientCpuUsPerSpan: Number(clientCpuMicros.toFixed(1)),
      loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
    };
    console.log(
      `server (HTTP → normalise → SQLite): ${figures.spansPerSec} spans/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms per ${spansPerBody}-span request, peak RSS ${figures.peakRssMb} MB`,
    );
    console.log(
      `server CPU during the run: ${serverCpu.line}; client ${figures.clientCpuUsPerSpan} µs/span; load average ${figures.loadAverage}`,
    );
    console.log(`reference (JSON.parse + prepared INSERT, one transaction): ${figures.referenceSpansPerSec} spans/s`);
    console.log(
      `ratio ${figures.ratio} (target ≥ 0.5), absolute target ≥ 20000 spans/s, lost spans ${lost} (must be 0)`,
    );
    console.log(JSON.stringify(figures));
    if (lost !== 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
