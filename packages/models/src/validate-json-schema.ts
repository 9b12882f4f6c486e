// Checks a value against the subset of JSON Schema that structured-output prompts use, listing every violation.

/**
 * A JSON Schema as stored with a prompt: any JSON object. Keywords are read defensively, so a malformed schema
 * (a `required` that is not a list, a `type` that is not a type name) loosens the check instead of throwing.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

type Definition = JsonSchema | boolean;

const TYPE_NAMES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

function asSchema(value: unknown): Definition | undefined {
  if (typeof value === 'boolean') return value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

function list(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return typeof value;
  // undefined, functions, bigints and symbols cannot come out of JSON.parse; calling them objects is harmless.
  return 'object';
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  return typeOf(value) === type;
}

/** A pattern JavaScript cannot compile is ignored, like keywords this validator does not know. */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

function resolveRef(root: JsonSchema, ref: string): Definition | undefined {
  const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
  const table = asSchema(match?.[1] !== undefined ? root[match[1]] : undefined);
  const name = match?.[2];
  if (typeof table !== 'object' || name === undefined || !Object.hasOwn(table, name)) return undefined;
  return asSchema(table[name]);
}

interface Walk {
  readonly root: JsonSchema;
  readonly problems: string[];
}

function check(walk: Walk, schema: Definition, value: unknown, path: string, depth: number): void {
  if (schema === true || depth > 64) return;
  if (schema === false) {
    walk.problems.push(`${path}: no value is allowed here`);
    return;
  }
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(walk.root, schema.$ref);
    if (target !== undefined) check(walk, target, value, path, depth + 1);
    return;
  }
  const declared = typeof schema.type === 'string' ? [schema.type] : (list(schema.type) ?? []);
  const types = declared.filter((type): type is string => typeof type === 'string' && TYPE_NAMES.has(type));
  if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
    walk.problems.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`);
    return;
  }
  checkValue(walk, schema, value, path, depth);
  if (typeof value === 'string') checkString(walk, schema, value, path);
  if (typeof value === 'number') checkNumber(walk, schema, value, path);
  if (Array.isArray(value)) checkArray(walk, schema, value, path, depth);
  if (typeOf(value) === 'object') checkObject(walk, schema, value as JsonSchema, path, depth);
}

function checkValue(walk: Walk, schema: JsonSchema, value: unknown, path: string, depth: number) {
  const json = JSON.stringify(value);
  const options = list(schema.enum);
  if (options !== undefined && !options.some((option) => JSON.stringify(option) === json)) {
    walk.problems.push(`${path}: must be one of ${JSON.stringify(options)}`);
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== json) {
    walk.problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  }
  for (const part of list(schema.allOf) ?? []) {
    const sub = asSchema(part);
    if (sub !== undefined) check(walk, sub, value, path, depth + 1);
  }
  const alternatives = (list(schema.anyOf) ?? list(schema.oneOf))?.map(asSchema);
  if (
    alternatives !== undefined &&
    !alternatives.some((part) => part === undefined || passes(walk, part, value, depth))
  ) {
    walk.problems.push(`${path}: matches none of the allowed shapes`);
  }
}

function checkString(walk: Walk, schema: JsonSchema, value: string, path: string) {
  const length = [...value].length;
  const min = count(schema.minLength);
  const max = count(schema.maxLength);
  if (min !== undefined && length < min) walk.problems.push(`${path}: too short`);
  if (max !== undefined && length > max) walk.problems.push(`${path}: too long`);
  if (typeof schema.pattern === 'string' && !matchesPattern(schema.pattern, value)) {
    walk.problems.push(`${path}: does not match ${schema.pattern}`);
  }
}

function checkNumber(walk: Walk, schema: JsonSchema, value: number, path: string) {
  const min = count(schema.minimum);
  const max = count(schema.maximum);
  if (min !== undefined && value < min) walk.problems.push(`${path}: below ${min}`);
  if (max !== undefined && value > max) walk.problems.push(`${path}: above ${max}`);
}

function checkArray(walk: Walk, schema: JsonSchema, value: readonly unknown[], path: string, depth: number) {
  const min = count(schema.minItems);
  const max = count(schema.maxItems);
  if (min !== undefined && value.length < min) walk.problems.push(`${path}: too few items`);
  if (max !== undefined && value.length > max) walk.problems.push(`${path}: too many items`);
  // Tuple-form `items` (a list of schemas) is not checked.
  const items = asSchema(schema.items);
  if (items === undefined) return;
  for (const [index, item] of value.entries()) check(walk, items, item, `${path}[${index}]`, depth + 1);
}

function checkObject(walk: Walk, schema: JsonSchema, value: JsonSchema, path: string, depth: number) {
  const properties = asSchema(schema.properties);
  for (const name of list(schema.required) ?? []) {
    if (typeof name === 'string' && !Object.hasOwn(value, name)) walk.problems.push(`${path}.${name}: required`);
  }
  const additional = asSchema(schema.additionalProperties);
  for (const [name, child] of Object.entries(value)) {
    const declared =
      typeof properties === 'object' && Object.hasOwn(properties, name) ? asSchema(properties[name]) : undefined;
    const rule = declared ?? additional;
    if (rule === false) walk.problems.push(`${path}.${name}: not allowed`);
    else if (rule !== undefined) check(walk, rule, child, `${path}.${name}`, depth + 1);
  }
}

function passes(walk: Walk, schema: Definition, value: unknown, depth: number): boolean {
  const trial: Walk = { root: walk.root, problems: [] };
  check(trial, schema, value, '$', depth + 1);
  return trial.problems.length === 0;
}

/**
 * Every violation as `path: what is wrong`; empty when the value conforms. Supported: type (incl. lists and
 * `integer`), enum, const, properties, required, additionalProperties, items (one schema), minItems/maxItems,
 * minLength/maxLength, pattern, minimum/maximum, anyOf/oneOf (as "any of"), allOf, and local `$ref`s to
 * `#/definitions/…` or `#/$defs/…`. Other keywords (formats, conditionals) are ignored, so this may accept what a
 * full validator rejects, never the reverse. Providers with strict structured outputs enforce the schema themselves;
 * this catches the models and servers that do not.
 *
 * @example
 * validateJsonSchema({ type: 'object', required: ['name'] }, {}); // ['$.name: required']
 */
export function validateJsonSchema(schema: JsonSchema, value: unknown): string[] {
  const walk: Walk = { root: schema, problems: [] };
  check(walk, schema, value, '$', 0);
  return walk.problems;
}
