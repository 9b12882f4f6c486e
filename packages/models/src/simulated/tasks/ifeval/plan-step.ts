// The contract of one instruction's planning step, and readers for its kwargs.
import type { IfevalKwargs } from './ifeval-instruction.js';
import type { ResponsePlan } from './response-plan.js';

/**
 * Applies one instruction to the plan, followed (`comply`) or violated the way models usually violate it. Answers
 * whether the instruction ends up followed: some cannot be violated ("at least 1 sentence"), some cannot be followed
 * (a language the simulator has no sentences for).
 */
export type PlanStep = (
  plan: ResponsePlan,
  kwargs: IfevalKwargs,
  comply: boolean,
  draw: (name: string) => number,
) => boolean;

/**
 * @example
 * count({ num_words: 300 }, 'num_words'); // 300
 */
export function count(kwargs: IfevalKwargs, key: string): number {
  const value = kwargs[key];
  return typeof value === 'number' ? value : 0;
}

/**
 * @example
 * text({ keyword: 'peace' }, 'keyword'); // 'peace'
 */
export function text(kwargs: IfevalKwargs, key: string): string {
  const value = kwargs[key];
  return typeof value === 'string' ? value : '';
}

/**
 * @example
 * list({ keywords: ['a', 'b'] }, 'keywords'); // ['a', 'b']
 */
export function list(kwargs: IfevalKwargs, key: string): string[] {
  const value = kwargs[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * @example
 * atLeast({ relation: 'at least' }, 'relation'); // true
 */
export function atLeast(kwargs: IfevalKwargs, key: string): boolean {
  return kwargs[key] !== 'less than';
}
