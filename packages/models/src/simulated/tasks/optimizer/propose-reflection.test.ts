// Reflect requests: the part chosen, instructions from descriptions, rationales and passing examples, no duplicates.
import { describe, expect, it } from 'vitest';
import { MAX_NEW_SENTENCES, restate, VAGUE_SENTENCES } from './propose-reflection.js';
import { EXACT, failingExample, passingExample, reflectRequest, runOptimizer, SYSTEM } from './test-requests.js';

const JSON_CRITERION = {
  id: 'json',
  description: 'Answers with JSON only: no prose, no markdown fences',
  kind: 'json_valid',
};
const NOT_JSON = `output is not valid JSON: Unexpected token 'H', "Here is th"... is not valid JSON`;

describe('sim:optimizer reflect', () => {
  it('appends the failing criterion as an imperative to the system prompt, keeping the text verbatim', () => {
    const run = runOptimizer(
      reflectRequest(JSON_CRITERION, {
        failing: [
          failingExample('Here is the markup: {}', { json: NOT_JSON }),
          failingExample('Sure! {}', { json: NOT_JSON }),
        ],
      }),
    );
    expect(run.answer?.part).toBe('system');
    // The rationales' "not valid JSON" is covered by the description's sentence, so it adds nothing more.
    expect(run.answer?.text).toBe(`${SYSTEM}\nAnswer with JSON only: no prose, no markdown fences.`);
    expect(run.added).toEqual(['Answer with JSON only: no prose, no markdown fences.']);
    expect(run.answer?.rationale).toMatch(/"json" \(80 % failing\)/);
  });

  it('enriches the instruction with what the rationales say: a missing key', () => {
    const run = runOptimizer(
      reflectRequest(
        { id: 'context', description: 'Declares the https schema.org context', kind: 'field_equals' },
        {
          failing: [
            failingExample('{"@type":"Product"}', { context: "$['@context'] is missing" }, 'f1'),
            failingExample('{"@type":"Recipe"}', { context: "$['@context'] is missing" }, 'f2'),
          ],
        },
      ),
    );
    expect(run.added[0]).toBe('Declare the https schema.org context.');
    expect(run.added[1]).toMatch(/"@context"/);
  });

  it('adds a JSON-validity sentence when the rationales say "not valid JSON" and the description does not', () => {
    const run = runOptimizer(
      reflectRequest(
        { id: 'parse', description: 'Machine-readable output', kind: 'json_valid' },
        { failing: [failingExample('Here is', { parse: NOT_JSON }), failingExample('Sure', { parse: NOT_JSON })] },
      ),
    );
    expect(run.added).toHaveLength(2);
    expect(run.added[1]).toMatch(/JSON/);
  });

  it('uses passing examples: a key every passing output has and the failing JSON outputs lack', () => {
    const run = runOptimizer(
      reflectRequest(
        { id: 'complete', description: 'Complete markup', kind: 'llm_judge' },
        {
          failing: [
            failingExample('{"@type":"Product","name":"Kenmore"}', { complete: 'The markup is incomplete.' }, 'f1'),
            failingExample('{"@type":"Recipe","name":"Bread"}', { complete: 'The markup is incomplete.' }, 'f2'),
          ],
          passing: [
            passingExample('{"@context":"https://schema.org","@type":"Event","name":"Gig"}', 'p1'),
            passingExample('{"@context":"https://schema.org","@type":"Book","name":"Dune"}', 'p2'),
          ],
        },
      ),
    );
    expect(run.added.some((sentence) => sentence.includes('"@context"'))).toBe(true);
    expect(run.added.some((sentence) => sentence.includes('"name"'))).toBe(false);
  });

  it('adds nothing the text already says (normalized: case, punctuation), and answers the text unchanged', () => {
    const system = `${SYSTEM}\nanswer with json only - no prose, no markdown fences!`;
    const request = reflectRequest(JSON_CRITERION, {
      prompt: { system, user: '{{html}}', tools: [], examples: 0 },
    });
    const run = runOptimizer(request);
    expect(run.answer?.text).toBe(system);
    expect(run.added).toEqual([]);
  });

  it('answers the text unchanged when it finds nothing to say', () => {
    const run = runOptimizer(reflectRequest({ id: 'x', description: '', kind: 'custom' }));
    expect(run.answer?.text).toBe(SYSTEM);
    expect(run.added).toEqual([]);
  });

  it('adds at most a few sentences and never the same one twice', () => {
    const criteria = ['Valid JSON', 'JSON only', 'Short', 'Polite', 'Names the entity'].map((description, index) => ({
      id: `c${index}`,
      description,
      kind: 'custom',
      failureRate: 0.5,
    }));
    const request = reflectRequest(JSON_CRITERION, { cause: { id: 'cause:many', criteria, drivers: [] } });
    const run = runOptimizer(request);
    expect(run.added.length).toBe(MAX_NEW_SENTENCES);
    expect(new Set(run.added).size).toBe(run.added.length);
  });

  it('creates the system text when the prompt has none', () => {
    const run = runOptimizer(
      reflectRequest(JSON_CRITERION, { prompt: { system: null, user: '{{html}}', tools: [], examples: 0 } }),
    );
    expect(run.answer).toMatchObject({ part: 'system', text: 'Answer with JSON only: no prose, no markdown fences.' });
  });
});

describe('sim:optimizer part choice', () => {
  const tools = [
    { name: 'get_weather', description: 'Get the current weather in a given location.' },
    { name: 'get_time', description: 'Get the current time in a given time zone.' },
  ];
  const withTools = { prompt: { system: SYSTEM, user: '{{question}}', tools, examples: 0 } };
  const parts = ['system', 'user', 'tool:get_weather', 'tool:get_time'] as const;

  it('edits the tool a tool criterion is about, named in its rationales', () => {
    const run = runOptimizer(
      reflectRequest(
        { id: 'weather', description: 'Looks the weather up', kind: 'tool_called' },
        {
          ...withTools,
          editableParts: parts,
          failing: [
            failingExample('It is sunny.', { weather: 'tool "get_weather" was not called' }, 'f1'),
            failingExample('Rainy, I think.', { weather: 'tool "get_weather" was not called' }, 'f2'),
          ],
        },
      ),
    );
    expect(run.answer?.part).toBe('tool:get_weather');
    expect(run.answer?.text.startsWith('Get the current weather in a given location.')).toBe(true);
    expect(run.added.join(' ')).toMatch(/this tool/);
  });

  it('edits a tool its description names, whatever the kind', () => {
    const run = runOptimizer(
      reflectRequest(
        { id: 'time', description: 'Uses get_time for questions about the time', kind: 'llm_judge' },
        {
          ...withTools,
          editableParts: parts,
        },
      ),
    );
    expect(run.answer?.part).toBe('tool:get_time');
  });

  it('edits the system prompt for other criteria, and the user template only when the system is not editable', () => {
    expect(runOptimizer(reflectRequest(JSON_CRITERION, { ...withTools, editableParts: parts })).answer?.part).toBe(
      'system',
    );
    const userOnly = runOptimizer(reflectRequest(JSON_CRITERION, { editableParts: ['user'] }));
    expect(userOnly.answer?.part).toBe('user');
    expect(userOnly.answer?.text).toBe('Page:\n{{html}}\nAnswer with JSON only: no prose, no markdown fences.');
  });
});

describe('sim:optimizer quality knobs', () => {
  const request = reflectRequest(JSON_CRITERION);

  it('noopEdit: the text comes back unchanged', () => {
    const run = runOptimizer(request, { rules: { noopEdit: true } });
    expect(run.answer?.text).toBe(SYSTEM);
    expect(run.fired).toEqual(['noopEdit']);
  });

  it('overgeneralEdit: one vague sentence instead of the specific one', () => {
    const run = runOptimizer(request, { ...EXACT, rules: { overgeneralEdit: true } });
    expect(run.added).toHaveLength(1);
    expect(VAGUE_SENTENCES).toContain(run.added[0]);
    expect(run.fired).toEqual(['overgeneralEdit']);
  });

  it('paraphraseEdit: the gist without the detail after the colon', () => {
    const run = runOptimizer(request, { ...EXACT, rules: { paraphraseEdit: true } });
    expect(run.added[0]).toMatch(/answer with JSON only\.$/i);
    expect(run.added[0]).not.toMatch(/markdown/);
  });

  it('rates: 1 always, 0 never; the defaults give a decent but imperfect optimizer', () => {
    expect(runOptimizer(request, { optimizer: { noopRate: 1 } }).fired).toEqual(['noopEdit']);
    const tally = { noopEdit: 0, overgeneralEdit: 0, paraphraseEdit: 0, clean: 0 };
    for (let seed = 0; seed < 400; seed++) {
      const fired = runOptimizer(request, {}, seed).fired;
      for (const name of fired) tally[name] += 1;
      if (fired.length === 0) tally.clean += 1;
    }
    expect(tally.noopEdit / 400).toBeGreaterThan(0.02);
    expect(tally.noopEdit / 400).toBeLessThan(0.1);
    expect(tally.overgeneralEdit / 400).toBeGreaterThan(0.05);
    expect(tally.overgeneralEdit / 400).toBeLessThan(0.16);
    expect(tally.clean / 400).toBeGreaterThan(0.55);
  });
});

describe('sim:optimizer reflect after edits that did not help', () => {
  it('says a line an earlier edit tried without effect again, more firmly, instead of repeating it', () => {
    const criterion = {
      id: 'coverage',
      description: 'Fills in the details the page shows, not just a name and description',
      kind: 'custom',
    };
    const first = runOptimizer(reflectRequest(criterion));
    expect(first.added).toEqual(['Fill in the details the page shows, not just a name and description.']);
    const again = runOptimizer(
      reflectRequest(criterion, {
        triedBefore: [{ part: 'system', added: first.added, outcome: 'minibatch of 3: 0.500 → 0.500, no better' }],
      }),
    );
    expect(again.added).toEqual(['Always fill in all the details the page shows, not just a name and description.']);
    expect(again.answer?.text).not.toContain('\nFill in the details');
  });

  it('restates imperatives with "Always" and an explicit "all", prohibitions with "Important"', () => {
    expect(restate('Fill in the details the page shows.')).toBe('Always fill in all the details the page shows.');
    expect(restate('Include every property.')).toBe('Always include every property.');
    expect(restate('Make sure the answer is JSON.')).toBe('Make sure the answer is JSON.');
    expect(restate('Do not add prose.')).toBe('Important: do not add prose, in any answer.');
  });
});
