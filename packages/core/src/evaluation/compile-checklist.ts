// Compiles a checklist once (validation, regexes, paths, schemas, label rules) into an evaluator for any number of items.
import { KaizenError } from '../errors/kaizen-error.js';
import type { ModelPort } from '../ports/model-port.js';
import { type AppliesPredicate, compileAppliesWhen } from './applies-when.js';
import type { CheckKind } from './check-spec.js';
import type { Checklist, Criterion } from './checklist.js';
import type { CheckFactory, CompileContext, CompiledCheck } from './checks/check-factory.js';
import { errorMessage } from './checks/check-outcome.js';
import { CHECKS } from './checks/registry.js';
import type { EvaluationSubject } from './evaluation-subject.js';
import { createJsonSchemaCompiler, type JsonSchemaCompiler } from './json-schema-validator.js';
import type { JudgeSettings } from './judge/run-judge.js';
import { compileLabelRules } from './label-rules.js';
import type { ChecklistResult, CriterionResult } from './results.js';
import { type CompiledCriterion, evaluateItem, evaluateItemSync } from './run-checklist.js';

export interface CompileChecklistOptions {
  /** Required when the checklist has `llm_judge` criteria. */
  readonly judge?: ModelPort;
  readonly judgeSeed?: number;
  readonly judgeMaxOutputTokens?: number;
}

/**
 * @example
 * const compiled = compileChecklist(checklist, { judge });
 * const result = await compiled.evaluate({ output: '{"name":"Ada"}', expected: { name: 'Ada' } });
 * const fast = compiled.evaluateSync?.(subject); // only without llm_judge criteria
 */
export interface CompiledChecklist {
  readonly checklist: Checklist;
  evaluate(subject: EvaluationSubject): Promise<ChecklistResult>;
  /** Present when no criterion is judged; a custom check answering with a Promise is then `errored`. */
  readonly evaluateSync?: (subject: EvaluationSubject) => ChecklistResult;
}

function fail(where: string, message: string): never {
  throw new KaizenError('invalid_input', `${where}: ${message}`);
}

function compileCheck(criterion: Criterion, context: CompileContext): CompiledCheck {
  const kind = (criterion.check as { kind?: unknown } | undefined)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(CHECKS, kind)) {
    return context.invalid(`unknown check kind ${JSON.stringify(kind)}`);
  }
  // The registry is keyed by kind, so the factory found matches the spec's own kind.
  const factory = CHECKS[kind as CheckKind] as CheckFactory<CheckKind>;
  return factory(criterion.check, context);
}

function validateHeader(checklist: Checklist): string {
  if (typeof checklist !== 'object' || checklist === null) fail('checklist', 'must be an object');
  if (typeof checklist.name !== 'string' || checklist.name === '') fail('checklist', 'name must be a non-empty string');
  const where = `checklist "${checklist.name}"`;
  const threshold = checklist.passThreshold;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    fail(where, `passThreshold is required and must be a number in [0, 1], got ${JSON.stringify(threshold)}`);
  }
  if (!Array.isArray(checklist.criteria) || checklist.criteria.length === 0)
    fail(where, 'needs at least one criterion');
  return where;
}

/**
 * Validates the definition (throws `KaizenError('invalid_input')` naming the criterion) and compiles every check
 * once; evaluation never recompiles.
 * @example
 * const compiled = compileChecklist({ name: 'json', passThreshold: 1, criteria: [
 *   { id: 'valid', description: 'JSON only', weight: 1, check: { kind: 'json_valid' } },
 * ] });
 * compiled.evaluateSync?.({ output: '{"a":1}' }).passed; // true
 */
export function compileChecklist(checklist: Checklist, options: CompileChecklistOptions = {}): CompiledChecklist {
  const where = validateHeader(checklist);
  let schemaCompiler: JsonSchemaCompiler | undefined;
  const seen = new Set<string>();
  const referable = new Set<string>();
  const criteria: CompiledCriterion[] = checklist.criteria.map((criterion, index) => {
    const id = criterion?.id;
    if (typeof id !== 'string' || id === '') fail(where, `criterion ${index + 1} needs a non-empty string id`);
    const invalid = (message: string): never => fail(`${where}, criterion "${id}"`, message);
    if (seen.has(id)) invalid('duplicate criterion id');
    seen.add(id);
    if (typeof criterion.description !== 'string') invalid('description must be a string');
    if (typeof criterion.weight !== 'number' || !Number.isFinite(criterion.weight) || criterion.weight <= 0) {
      invalid(`weight must be a finite number > 0, got ${JSON.stringify(criterion.weight)}`);
    }
    const context: CompileContext = {
      criterionId: id,
      invalid,
      compileSchema(schema) {
        if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
          invalid('schema must be a JSON Schema object');
        }
        try {
          schemaCompiler ??= createJsonSchemaCompiler();
          return schemaCompiler(schema as Readonly<Record<string, unknown>> | boolean);
        } catch (error) {
          return invalid(`invalid JSON Schema: ${errorMessage(error)}`);
        }
      },
    };
    const check = compileCheck(criterion, context);
    if (check.type === 'judge' && options.judge === undefined) invalid('llm_judge needs a judge model port');
    const applies: AppliesPredicate | null =
      criterion.appliesWhen === undefined ? null : compileAppliesWhen(criterion.appliesWhen, { referable, invalid });
    if (check.type === 'direct') referable.add(id);
    const passedResult: CriterionResult = Object.freeze({ criterionId: id, status: 'passed', rationale: null });
    return { id, weight: criterion.weight, check, applies, passedResult };
  });
  const labelRule = compileLabelRules(checklist.labels ?? [], seen, (message) => fail(`${where}, labels`, message));
  const judgeSettings: JudgeSettings = {
    ...(options.judgeSeed !== undefined ? { seed: options.judgeSeed } : {}),
    ...(options.judgeMaxOutputTokens !== undefined ? { maxOutputTokens: options.judgeMaxOutputTokens } : {}),
    ...(checklist.description !== undefined ? { task: checklist.description } : {}),
  };
  const indexOf = new Map(criteria.map((criterion, index) => [criterion.id, index]));
  const plan = {
    criteria,
    indexOf,
    weights: criteria.map((criterion) => criterion.weight),
    passThreshold: checklist.passThreshold,
    labelRule,
    judge: options.judge,
    judgeSettings,
  };
  const compiled: CompiledChecklist = {
    checklist,
    evaluate: (subject) => evaluateItem(plan, subject),
  };
  if (criteria.every((criterion) => criterion.check.type === 'direct')) {
    return { ...compiled, evaluateSync: (subject) => evaluateItemSync(plan, subject) };
  }
  return compiled;
}
