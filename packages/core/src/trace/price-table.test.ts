import { describe, expect, it } from 'vitest';
import { computeCost, costOf } from './compute-cost.js';
import { DEFAULT_PRICES, lookupPrice, mergePrices } from './price-table.js';

describe('lookupPrice', () => {
  it('matches exact names', () => {
    expect(lookupPrice(DEFAULT_PRICES, 'gpt-4o')).toBe(DEFAULT_PRICES['gpt-4o']);
    expect(lookupPrice(DEFAULT_PRICES, 'o3')).toBe(DEFAULT_PRICES.o3);
  });

  it.each([
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4.1-nano-2025-04-14', 'gpt-4.1-nano'],
    ['o3-mini-2025-01-31', 'o3-mini'],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
    ['claude-3-5-sonnet-latest', 'claude-3-5-sonnet'],
    ['claude-3-5-sonnet-v2@20241022', 'claude-3-5-sonnet'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
    ['gemini-1.5-flash-002', 'gemini-1.5-flash'],
    ['gemini-1.5-flash-8b-001', 'gemini-1.5-flash-8b'],
    ['gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash'],
    ['gemini-2.5-flash-lite-preview-06-17', 'gemini-2.5-flash-lite'],
  ] as const)('prices %s as %s (the longest key, with a date or version suffix)', (model, key) => {
    expect(lookupPrice(DEFAULT_PRICES, model)).toBe(DEFAULT_PRICES[key]);
  });

  it('prefers the longest matching key when several keys match with a version suffix', () => {
    const general = { inputPerToken: 1, outputPerToken: 1 };
    const snapshot = { inputPerToken: 2, outputPerToken: 2 };
    const table = { 'acme-chat': general, 'acme-chat-2024': snapshot };
    expect(lookupPrice(table, 'acme-chat-2024-06')).toBe(snapshot);
    expect(lookupPrice({ 'acme-chat-2024': snapshot, 'acme-chat': general }, 'acme-chat-2024-06')).toBe(snapshot);
    expect(lookupPrice(table, 'acme-chat-2023-06')).toBe(general);
  });

  it('ignores case and a provider/ prefix', () => {
    expect(lookupPrice(DEFAULT_PRICES, 'openai/gpt-4o')).toBe(DEFAULT_PRICES['gpt-4o']);
    expect(lookupPrice(DEFAULT_PRICES, 'models/gemini-2.0-flash')).toBe(DEFAULT_PRICES['gemini-2.0-flash']);
    expect(lookupPrice(DEFAULT_PRICES, 'GPT-4o-Mini')).toBe(DEFAULT_PRICES['gpt-4o-mini']);
  });

  it.each([
    'my-finetune',
    'gpt-4o-audio-preview', // another price than gpt-4o
    'o3-pro',
    'claude-opus-4-6', // a future version must not be priced as claude-opus-4
    'o1x',
    'gpt-4omni',
    '',
  ])('returns undefined for %j rather than guessing', (model) => {
    expect(lookupPrice(DEFAULT_PRICES, model)).toBeUndefined();
  });

  it('stores prices per token', () => {
    expect(DEFAULT_PRICES['gpt-4o-mini']?.inputPerToken).toBeCloseTo(0.15e-6, 15);
    expect(DEFAULT_PRICES['claude-sonnet-4']?.outputPerToken).toBeCloseTo(15e-6, 15);
  });
});

describe('mergePrices', () => {
  it('adds and replaces entries without touching the base', () => {
    const custom = { inputPerToken: 1e-6, outputPerToken: 2e-6 };
    const merged = mergePrices(DEFAULT_PRICES, { 'GPT-4o': custom, 'my-finetune': custom });
    expect(lookupPrice(merged, 'gpt-4o')).toBe(custom);
    expect(lookupPrice(merged, 'my-finetune-2025-01-01')).toBe(custom);
    expect(lookupPrice(DEFAULT_PRICES, 'my-finetune')).toBeUndefined();
    expect(lookupPrice(merged, 'gpt-4o-mini')).toBe(DEFAULT_PRICES['gpt-4o-mini']);
  });

  it('keeps a __proto__ key as an entry', () => {
    const custom = { inputPerToken: 1, outputPerToken: 1 };
    const overrides: Record<string, typeof custom> = {};
    Object.defineProperty(overrides, '__proto__', { value: custom, enumerable: true });
    const merged = mergePrices({}, overrides);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(lookupPrice(merged, '__proto__')).toBe(custom);
  });
});

describe('computeCost', () => {
  const price = { inputPerToken: 1e-6, outputPerToken: 2e-6, cacheReadPerToken: 0.1e-6 };

  it('prices input, output and cached input', () => {
    expect(costOf(price, { inputTokens: 100, outputTokens: 10 })).toBeCloseTo(120e-6, 15);
    expect(costOf(price, { inputTokens: 100, outputTokens: 0, cacheReadTokens: 60 })).toBeCloseTo(46e-6, 15);
    // More cached than input is bad data: cached is capped at the input count.
    expect(costOf(price, { inputTokens: 10, outputTokens: 0, cacheReadTokens: 60 })).toBeCloseTo(1e-6, 15);
  });

  it('charges cached tokens the input price when there is no cache price', () => {
    const noCache = { inputPerToken: 1e-6, outputPerToken: 2e-6 };
    expect(costOf(noCache, { inputTokens: 100, outputTokens: 0, cacheReadTokens: 60 })).toBeCloseTo(100e-6, 15);
  });

  it('is null without a model, without input/output counts, or for an unknown model', () => {
    expect(computeCost(DEFAULT_PRICES, null, { inputTokens: 1, outputTokens: 1 })).toBeNull();
    expect(computeCost(DEFAULT_PRICES, 'gpt-4o', { inputTokens: null, outputTokens: null })).toBeNull();
    expect(computeCost(DEFAULT_PRICES, 'unknown-model', { inputTokens: 1, outputTokens: 1 })).toBeNull();
    expect(computeCost(DEFAULT_PRICES, 'gpt-4o', { inputTokens: 1000, outputTokens: null })).toBeCloseTo(2.5e-3, 12);
  });
});
