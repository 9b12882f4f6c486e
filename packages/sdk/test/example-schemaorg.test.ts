// The examples/schemaorg-extractor app, run for 3 pages against the real server: the prompt is pushed as version 1
// and 3 traces arrive that name it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKaizenApi } from '../src/index.js';
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

describe('schemaorg-extractor example against the real server', () => {
  let kaizen: RealKaizen;
  beforeEach(async () => {
    resetOtelGlobals();
    kaizen = await startRealKaizen();
  });
  afterEach(async () => {
    resetOtelGlobals();
    await kaizen.close();
  });

  it('pushes the prompt, extracts 3 pages with the simulated model, says it is simulated, and sends 3 traces', async () => {
    const { main } = (await import(EXAMPLE)) as ExampleModule;
    const lines: string[] = [];
    const options = { url: kaizen.url, apiKey: kaizen.apiKey, environment: 'development', limit: 3 };
    const run = await main({ ...options, print: (line) => lines.push(line) });
    expect(run).toMatchObject({ pages: 3, simulated: true });
    expect(lines[0]).toMatch(/^Model: sim:schemaorg \(SIMULATED/);
    expect(lines[1]).toBe('Prompt schemaorg-extractor version 1 (new)');
    expect(lines.at(-1)).toMatch(/^3 pages, \d valid JSON-LD, \d invalid \(simulated model\)$/);

    const api = createKaizenApi({ url: kaizen.url, apiKey: kaizen.apiKey });
    const { items } = await api.listTraces();
    expect(items.map((trace) => trace.traceId).sort()).toEqual([...run.traceIds].sort());
    for (const trace of items) {
      // No version is labelled "development", so the code's template ran, numbered by the push.
      expect(trace).toMatchObject({
        promptName: 'schemaorg-extractor',
        environment: 'development',
        promptVersion: '1',
      });
    }
    const { spans } = await api.getTrace(run.traceIds[0] ?? '');
    expect(spans.find((span) => span.name === 'prompt schemaorg-extractor')?.attributes['kaizen.model.simulated']).toBe(
      true,
    );

    const again: string[] = [];
    await main({ ...options, limit: 1, print: (line) => again.push(line) });
    expect(again[1]).toBe('Prompt schemaorg-extractor version 1 (unchanged)');
  });
});
