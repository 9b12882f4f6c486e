// The base-rate table is GPT-4's real per-type strict pass counts: recounted here from the fixture's labels.
import { IFEVAL_INSTRUCTION_IDS } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { IFEVAL_BASE_RATES } from '../../src/simulated/index.js';
import { loadIfevalItems } from './load-ifeval-items.js';

describe('IFEVAL_BASE_RATES', () => {
  it('equals the per-type counts of followed instructions in the fixture (strict labels)', () => {
    const counted = new Map<string, [number, number]>();
    for (const item of loadIfevalItems()) {
      if (item.labels === null) continue;
      item.instruction_id_list.forEach((id, index) => {
        const [followed, total] = counted.get(id) ?? [0, 0];
        counted.set(id, [followed + (item.labels?.strict.per_instruction[index] === true ? 1 : 0), total + 1]);
      });
    }
    expect(Object.keys(IFEVAL_BASE_RATES).sort()).toEqual([...IFEVAL_INSTRUCTION_IDS].sort());
    for (const id of IFEVAL_INSTRUCTION_IDS)
      expect([id, ...IFEVAL_BASE_RATES[id]]).toEqual([id, ...(counted.get(id) ?? [])]);
  });

  it('adds up to GPT-4 following 83.8% of the labelled instructions', () => {
    const [followed, total] = Object.values(IFEVAL_BASE_RATES).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    expect([followed, total]).toEqual([697, 832]);
  });
});
