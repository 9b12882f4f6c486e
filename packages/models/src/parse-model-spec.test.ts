import { KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { isSimulatedModel, parseModelSpec } from './parse-model-spec.js';

describe('parseModelSpec', () => {
  it('reads openai, anthropic and sim specs', () => {
    expect(parseModelSpec('openai:gpt-4o-mini')).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(parseModelSpec('anthropic:claude-sonnet-4-5')).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
    });
    expect(parseModelSpec('sim:schemaorg')).toEqual({ provider: 'sim', task: 'schemaorg' });
  });

  it('keeps colons in the model of an openai model spec (fine-tunes)', () => {
    expect(parseModelSpec('openai:ft:gpt-4o-mini:acme::abc123')).toEqual({
      provider: 'openai',
      model: 'ft:gpt-4o-mini:acme::abc123',
    });
  });

  it.each([
    ['http://localhost:11434/v1:llama3.1:8b', 'http://localhost:11434/v1', 'llama3.1:8b'],
    ['http://localhost:11434/v1/:llama3.1', 'http://localhost:11434/v1', 'llama3.1'],
    ['http://localhost:11434:qwen2.5:7b-instruct-q4_K_M', 'http://localhost:11434', 'qwen2.5:7b-instruct-q4_K_M'],
    ['http://127.0.0.1:8000/v1:Qwen/Qwen2.5-7B-Instruct', 'http://127.0.0.1:8000/v1', 'Qwen/Qwen2.5-7B-Instruct'],
    [
      'https://llm.internal.example/openai/v1:meta-llama/Llama-3.1-8B:latest',
      'https://llm.internal.example/openai/v1',
      'meta-llama/Llama-3.1-8B:latest',
    ],
    ['http://[::1]:8080/v1:gemma3:4b', 'http://[::1]:8080/v1', 'gemma3:4b'],
    ['http://gpu-box/v1:mistral', 'http://gpu-box/v1', 'mistral'],
  ])('splits openai-compatible:%s', (rest, baseURL, model) => {
    expect(parseModelSpec(`openai-compatible:${rest}`)).toEqual({ provider: 'openai-compatible', baseURL, model });
  });

  it.each([
    ['gpt-4o', 'no provider prefix'],
    [':gpt-4o', 'no provider prefix'],
    ['openai:', 'empty model'],
    ['openai: gpt-4o', 'surrounding spaces'],
    ['azure:gpt-4o', 'unknown provider "azure"'],
    ['openai-compatible:llama3.1:8b', 'expected <http(s) baseURL>:<model>'],
    ['openai-compatible:http://localhost:11434/v1', 'expected <http(s) baseURL>:<model>'],
    ['openai-compatible:ftp://host/v1:model', 'expected <http(s) baseURL>:<model>'],
  ])('rejects %j as invalid input, listing the accepted forms', (spec, why) => {
    let caught: unknown;
    try {
      parseModelSpec(spec);
    } catch (error) {
      caught = error;
    }
    expect(KaizenError.isInstance(caught) && caught.code).toBe('invalid_input');
    const message = caught instanceof Error ? caught.message : '';
    expect(message).toContain(why);
    for (const form of ['openai:<model>', 'anthropic:<model>', 'openai-compatible:<baseURL>:<model>', 'sim:<task>']) {
      expect(message).toContain(form);
    }
  });
});

describe('isSimulatedModel', () => {
  it('is true only for sim: specs', () => {
    expect(isSimulatedModel('sim:schemaorg')).toBe(true);
    expect(isSimulatedModel('openai:gpt-4o')).toBe(false);
    expect(isSimulatedModel('openai-compatible:http://sim:8000/v1:m')).toBe(false);
  });
});
