// Parses a `provider:model` string into its parts, without creating any client.
import { KaizenError } from '@kaizen/core';

export type ModelSpec =
  | { readonly provider: 'openai'; readonly model: string }
  | { readonly provider: 'anthropic'; readonly model: string }
  | { readonly provider: 'openai-compatible'; readonly baseURL: string; readonly model: string }
  | { readonly provider: 'sim'; readonly task: string };

export const MODEL_SPEC_FORMS = [
  'openai:<model>',
  'anthropic:<model>',
  'openai-compatible:<baseURL>:<model> (e.g. openai-compatible:http://localhost:11434/v1:llama3.1:8b)',
  'sim:<task>',
] as const;

function invalid(spec: string, why: string): KaizenError {
  return new KaizenError(
    'invalid_input',
    `invalid model "${spec}": ${why}; use one of ${MODEL_SPEC_FORMS.map((form) => `"${form}"`).join(', ')}`,
  );
}

/**
 * `http(s)://host[:port][/path]` then `:` then the model. The path may not contain `:` and the port is digits, so the
 * first colon after them starts the model, which may itself contain colons (`llama3.1:8b`) and slashes
 * (`Qwen/Qwen2.5-7B-Instruct`). IPv6 hosts go in brackets.
 */
const COMPATIBLE = /^(https?:\/\/(?:\[[0-9a-fA-F:.]+\]|[^/:?#\s[\]]+)(?::\d+)?(?:\/[^:?#\s]*)?):(\S.*)$/;

/**
 * @example
 * parseModelSpec('openai-compatible:http://localhost:11434/v1:llama3.1:8b');
 * // { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', model: 'llama3.1:8b' }
 */
export function parseModelSpec(spec: string): ModelSpec {
  const colon = spec.indexOf(':');
  if (colon <= 0) throw invalid(spec, 'no provider prefix');
  const provider = spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  if (rest.trim() === '' || rest !== rest.trim()) throw invalid(spec, 'empty model or surrounding spaces');
  switch (provider) {
    case 'openai':
    case 'anthropic':
      return { provider, model: rest };
    case 'sim':
      return { provider, task: rest };
    case 'openai-compatible': {
      const match = COMPATIBLE.exec(rest);
      const baseURL = match?.[1];
      const model = match?.[2];
      // `http://host:11434/v1` alone would otherwise read as host `host`, model `11434/v1`.
      if (baseURL === undefined || model === undefined || /^\d+(\/|$)/.test(model)) {
        throw invalid(spec, 'expected <http(s) baseURL>:<model>');
      }
      return { provider, baseURL: baseURL.replace(/\/+$/, ''), model };
    }
    default:
      throw invalid(spec, `unknown provider "${provider}"`);
  }
}

/**
 * True for `sim:` specs: results from them measure Kaizen's machinery, never a real model, and must say so.
 *
 * @example
 * isSimulatedModel('sim:schemaorg'); // true
 */
export function isSimulatedModel(spec: string): boolean {
  return spec.startsWith('sim:');
}
