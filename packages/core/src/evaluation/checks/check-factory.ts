// The contract between the registry and each check kind: compile a spec once, run the result on every item.
import type { CheckKind, CheckOf, CheckSpec } from '../check-spec.js';
import type { JsonSchemaValidator } from '../json-schema-validator.js';
import type { CheckOutcome } from './check-outcome.js';
import type { ItemContext } from './item-context.js';

/** Runs on one item; may be asynchronous only for `custom` checks. */
export type RunCheck = (item: ItemContext) => CheckOutcome | Promise<CheckOutcome>;

/** A deterministic check runs on its own; judged criteria are collected into one judge call per item. */
export type CompiledCheck =
  | { readonly type: 'direct'; readonly run: RunCheck }
  | { readonly type: 'judge'; readonly question: string };

/** What a factory gets besides its spec: the criterion it compiles for (to name it in errors), shared compilers. */
export interface CompileContext {
  readonly criterionId: string;
  /** Throws `KaizenError('invalid_input')` naming the criterion. */
  invalid(message: string): never;
  /** Compiles a JSON Schema with the checklist's one ajv instance; an invalid schema is `invalid`. */
  compileSchema(schema: unknown): JsonSchemaValidator;
}

/**
 * Validates and compiles a spec. Everything that can be prepared (regexes, paths, schemas) is, here.
 * @example
 * const nonEmpty: CheckFactory<'final_answer_present'> = () => ({ type: 'direct', run: (item) => … });
 */
export type CheckFactory<K extends CheckKind> = SpecFactory<CheckOf<K>>;

/** A factory by the spec it takes; one factory may serve several kinds (`contains` and `not_contains`). */
export type SpecFactory<S extends CheckSpec> = (spec: S, context: CompileContext) => CompiledCheck;

/** Every kind with its factory: a kind without one does not compile. */
export type CheckRegistry = { readonly [K in CheckKind]: CheckFactory<K> };

/** Wraps a synchronous run function. */
export function direct(run: RunCheck): CompiledCheck {
  return { type: 'direct', run };
}
