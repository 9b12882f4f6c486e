// The examples/schemaorg-extractor app, run for 3 pages against a Kaizen server: 3 traces must arrive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKaizenApi } from '../src/index.js';
import { type FakeKaizen, startFakeKaizen } from './support/fake-kaizen-server.js';
import { resetOtelGlobals } from './support/otel-globals.js';

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

let fake: FakeKaizen;
beforeEach(async () => {
  resetOtelGlobals();
  fake = await startFakeKaizen();
});
afterEach(async () => {
  resetOtelGlobals();
  await fake.close();
});

describe('schemaorg-extractor example', () => {
  it('extracts 3 pages with the simulated model, says it is simulated, and sends 3 traces', async () => {
    const { main } = (await import(EXAMPLE)) as ExampleModule;
    const lines: string[] = [];
    const run = await main({
      url: fake.url,
      apiKey: fake.apiKey,
      environment: 'development',
      limit: 3,
      print: (line) => lines.push(line),
    });
    expect(run).toMatchObject({ pages: 3, simulated: true });
    expect(lines[0]).toMatch(/^Model: sim:schemaorg \(SIMULATED/);
    expect(lines.at(-1)).toMatch(/^3 pages, \d valid JSON-LD, \d invalid \(simulated model\)$/);

    const api = createKaizenApi({ url: fake.url, apiKey: fake.apiKey });
    const { items } = await api.listTraces();
    expect(items.map((trace) => trace.traceId).sort()).toEqual([...run.traceIds].sort());
    for (const trace of items) {
      expect(trace).toMatchObject({
        promptName: 'schemaorg-extractor',
        promptVersion: '1',
        environment: 'development',
      });
    }
    const { spans } = await api.getTrace(run.traceIds[0] ?? '');
    expect(spans.find((span) => span.name === 'prompt schemaorg-extractor')?.attributes['kaizen.model.simulated']).toBe(
      true,
    );
  });
});
