// json_valid and json_schema: the output parses as JSON (whole, or the first block in prose), and matches a schema.
import type { CheckFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { failed, PASSED } from './check-outcome.js';
import { jsonModeOf } from './read-spec.js';

/**
 * @example
 * { kind: 'json_valid' } // the whole output must parse
 * { kind: 'json_valid', mode: 'extract' } // "Here you go: {...}" passes
 */
export const jsonValid: CheckFactory<'json_valid'> = (spec, context) => {
  const mode = jsonModeOf(context, spec.mode);
  return direct((item) => {
    const parsed = item.json(mode);
    return parsed.ok ? PASSED : failed(parsed.error);
  });
};

/**
 * The schema is compiled here, once per checklist; an invalid schema fails compilation, not each item.
 * @example
 * { kind: 'json_schema', schema: { type: 'object', required: ['name'] } }
 */
export const jsonSchema: CheckFactory<'json_schema'> = (spec, context) => {
  const mode = jsonModeOf(context, spec.mode);
  const validate = context.compileSchema(spec.schema);
  return direct((item) => {
    const parsed = item.json(mode);
    if (!parsed.ok) return failed(parsed.error);
    const problem = validate(parsed.value);
    return problem === null ? PASSED : failed(problem);
  });
};
