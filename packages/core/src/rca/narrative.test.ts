import { describe, expect, it } from 'vitest';
import type { ModelPort, ModelPortRequest } from '../ports/model-port.js';
import { seededRandom } from '../statistics/seeded-random.js';
import { analyzeRootCauses } from './analyze-root-causes.js';
import { acceptNarrative, buildNarrativeMessages, writeNarratives } from './narrative.js';
import type { RcaItem, RcaReport, RootCause } from './rca-types.js';

const hex = (index: number): string => index.toString(16).padStart(32, '0');

/** German inputs fail the JSON criterion; tone fails at a base rate. Trace ids are 32-hex like real ones. */
function report(): RcaReport {
  const random = seededRandom(11);
  const items: RcaItem[] = Array.from({ length: 600 }, (_, index) => {
    const language = index % 2 === 0 ? 'de' : 'en';
    return {
      traceId: hex(index + 1),
      startTime: '2025-01-02T12:00:00.000Z',
      results: {
        json: random() < (language === 'de' ? 0.6 : 0.05) ? 'failed' : 'passed',
        tone: random() < 0.1 ? 'failed' : 'passed',
      },
      features: { language },
      excerpts: { input: `input ${index} (${language})`, output: `output ${index}` },
    };
  });
  return analyzeRootCauses({
    items,
    criteria: [
      { id: 'json', weight: 2 },
      { id: 'tone', weight: 1 },
    ],
  });
}

function stub(
  answer: (request: ModelPortRequest, call: number) => string,
): ModelPort & { requests: ModelPortRequest[] } {
  const requests: ModelPortRequest[] = [];
  return {
    requests,
    generate(request) {
      requests.push(request);
      return Promise.resolve({ text: answer(request, requests.length - 1), usage: null });
    },
  };
}

const first = (value: RcaReport): RootCause => {
  const cause = value.causes[0];
  if (cause === undefined) throw new Error('the fixture has no cause');
  return cause;
};

describe('buildNarrativeMessages', () => {
  it('states the criteria, rates, drivers and evidence ids', () => {
    const rca = report();
    const cause = first(rca);
    const [system, user] = buildNarrativeMessages(cause, rca);
    expect(system?.role).toBe('system');
    expect(system?.content).toMatch(/square brackets/);
    expect(user?.content).toContain('json');
    expect(user?.content).toMatch(/language=de: lift \d/);
    for (const trace of [...cause.evidence.failing, ...cause.evidence.passingContrast]) {
      expect(user?.content).toContain(`[${trace.traceId}]`);
    }
  });
});

describe('acceptNarrative', () => {
  const cause = first(report());
  const failing = cause.evidence.failing[0]?.traceId ?? '';
  const passing = cause.evidence.passingContrast[0]?.traceId ?? '';

  it('keeps a narrative citing evidence traces, failing or passing', () => {
    const text = `German inputs break the JSON [${failing}], English ones do not [${passing}].`;
    expect(acceptNarrative(`  ${text}\n`, cause)).toEqual({ narrative: text });
  });

  it('drops a narrative citing a trace outside the evidence, bracketed or bare', () => {
    const outside = 'f'.repeat(32);
    expect(acceptNarrative(`JSON breaks [${failing}] and [${outside}].`, cause)).toEqual({
      dropped: expect.stringContaining(outside) as string,
    });
    expect(acceptNarrative(`See trace ${outside}.`, cause)).toHaveProperty('dropped');
    expect(acceptNarrative(`See [${failing.slice(0, 8)}…].`, cause)).toHaveProperty('dropped');
  });

  it('drops empty and oversized text', () => {
    expect(acceptNarrative('   ', cause)).toEqual({ dropped: expect.stringMatching(/empty/) as string });
    expect(acceptNarrative('x'.repeat(1201), cause)).toEqual({ dropped: expect.stringMatching(/over 1200/) as string });
  });
});

describe('writeNarratives', () => {
  it('keeps valid narratives, drops hallucinated ids, one call per cause at temperature 0, stats untouched', async () => {
    const rca = report();
    const before = JSON.parse(JSON.stringify(rca)) as RcaReport;
    expect(rca.causes.length).toBeGreaterThanOrEqual(2);
    const port = stub((request, call) => {
      const id = /\[([0-9a-f]{32})\]/.exec(request.messages[1]?.content ?? '')?.[1] ?? '';
      return call === 0 ? `Inputs in German fail the JSON criterion [${id}].` : `Tone fails [${'e'.repeat(32)}].`;
    });
    const narrated = await writeNarratives(rca, port);
    expect(rca).toEqual(before);
    const { narratives, ...statistics } = narrated;
    expect(statistics).toEqual(before);
    expect(port.requests).toHaveLength(rca.causes.length);
    expect(port.requests.every((request) => request.temperature === 0)).toBe(true);
    const [top, second] = rca.causes;
    expect(narratives[top?.id ?? '']).toEqual({ text: expect.stringMatching(/^Inputs in German/) as string });
    expect(narratives[second?.id ?? '']).toEqual({ dropped: expect.stringMatching(/outside the evidence/) as string });
  });

  it('records a failing call as dropped, never throws, and narrates at most maxCauses', async () => {
    const rca = report();
    const before = JSON.parse(JSON.stringify(rca)) as RcaReport;
    const port: ModelPort = { generate: () => Promise.reject(new Error('rate limited')) };
    const narrated = await writeNarratives(rca, port, { maxCauses: 1 });
    expect(narrated.narratives).toEqual({ [first(rca).id]: { dropped: 'the model call failed: rate limited' } });
    expect(rca).toEqual(before);
  });
});
