// The examples/schemaorg-extractor app, run for 3 pages against a Kaizen server: 3 traces must arrive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKaizenApi } from '../src/index.js';
import { startFakeKaizen } from './support/fake-kaizen-server.js';
import { resetOtelGlobals } from './support/otel-globals.js';
import { type RealKaizen, startRealKaizen } from './support/real-kaizen-server.js';

/** The example is an app, not part of this package's sources, so its main is loaded by path and typed here. */
interface ExampleModule {
  main(options: {
    url: string;
    apiKey: string;
    environment: string;
    limit: number;
    print: (line: string) => void;
  }): Promise<{ pages: number; valid: number; invalid: number; traceIds: readonly string[]; simulated: boolean }>;
}

const EXAMPLE = new URL('../../../examples/schemaorg-extractor/main.ts', import.meta.url).href;

// The real server stores the traces; until it serves /api/prompts the stand-in is the one that numbers the version.
describe.each([
  { backend: 'the real server', start: startRealKaizen },
  { backend: 'the stand-in with a prompt registry', start: startFakeKaizen },
])('schemaorg-extractor example against $backend', ({ start }) => {
  let kaizen: RealKaizen;
  beforeEach(async () => {
    resetOtelGlobals();
    kaizen = await start();
  });
  afterEach(async () => {
    resetOtelGlobals();
    await kaizen.close();
  });

  it('extracts 3 pages with the simulated model, says it is simulated, and sends 3 traces', async () => {
    const { main } = (await import(EXAMPLE)) as ExampleModule;
    const lines: string[] = [];
    const run = await main({
      url: kaizen.url,
      apiKey: kaizen.apiKey,
      environment: 'development',
      limit: 3,
      print: (line) => lines.push(line),
    });
    expect(run).toMatchObject({ pages: 3, simulated: true });
    expect(lines[0]).toMatch(/^Model: sim:schemaorg \(SIMULATED/);
    expect(lines.at(-1)).toMatch(/^3 pages, \d valid JSON-LD, \d invalid \(simulated model\)$/);

    const api = createKaizenApi({ url: kaizen.url, apiKey: kaizen.apiKey });
    const { items } = await api.listTraces();
    expect(items.map((trace) => trace.traceId).sort()).toEqual([...run.traceIds].sort());
    const pushed = lines.includes('Prompt schemaorg-extractor version 1 (new)');
    for (const trace of items) {
      expect(trace).toMatchObject({ promptName: 'schemaorg-extractor', environment: 'development' });
      expect(trace.promptVersion).toBe(pushed ? '1' : null);
    }
    const { spans } = await api.getTrace(run.traceIds[0] ?? '');
    expect(spans.find((span) => span.name === 'prompt schemaorg-extractor')?.attributes['kaizen.model.simulated']).toBe(
      true,
    );
  });
});
