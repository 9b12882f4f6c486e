// sim:judge answers the judge prompt Kaizen's own checklist engine sends, one call per item.
import { compileChecklist } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { createModelPort } from '../../src/model-port-adapter.js';
import { createSimulatedModel } from '../../src/simulated/index.js';

describe('sim:judge behind a core checklist', () => {
  it('answers every judged criterion of core’s prompt, and its answers follow the output', async () => {
    let calls = 0;
    // Noise off, so the answers are the judge's rules alone.
    const port = createModelPort(createSimulatedModel('judge', { noise: 0 }), { onResult: () => (calls += 1) });
    const compiled = compileChecklist(
      {
        name: 'judged',
        passThreshold: 1,
        criteria: [
          {
            id: 'is-json',
            description: 'JSON',
            weight: 1,
            check: { kind: 'llm_judge', question: 'Is the output valid JSON?' },
          },
          {
            id: 'polite',
            description: 'polite',
            weight: 1,
            check: { kind: 'llm_judge', question: 'Is the reply polite?' },
          },
        ],
      },
      { judge: port },
    );
    const json = await compiled.evaluate({ output: '{"@type":"Product","name":"Trail Runner"}', input: 'extract' });
    const prose = await compiled.evaluate({
      output: 'Sure! Here is the data you asked for, thanks.',
      input: 'extract',
    });
    expect(calls).toBe(2);
    expect(json.errors).toBe(0);
    expect(prose.errors).toBe(0);
    const jsonAnswer = json.results.find((result) => result.criterionId === 'is-json');
    const proseAnswer = prose.results.find((result) => result.criterionId === 'is-json');
    expect(jsonAnswer?.status).toBe('passed');
    expect(proseAnswer?.status).toBe('failed');
    expect(jsonAnswer?.rationale).toBeTruthy();
  });
});
