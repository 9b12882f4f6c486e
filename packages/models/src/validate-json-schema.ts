// Checks a value against the subset of JSON Schema that structured-output prompts use, listing every violation.

/**
 * Supported: type (incl. lists and `integer`), enum, const, properties, required, additionalProperties, items (one
 * schema), minItems/maxItems, minLength/maxLength, pattern, minimum/maximum, anyOf/oneOf (as "any of"), allOf, and
 * local `$ref`s to `#/definitions/…` or `#/$defs/…`. Other keywords (formats, conditionals) are ignored, so this
 * may accept what a full validator rejects, never the reverse. Providers with strict structured outputs enforce
 * the schema themselves; this catches the models and servers that do not.
 */
export interface JsonSchema {
  readonly type?: TypeName | readonly TypeName[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, Definition>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: Definition;
  readonly items?: Definition | readonly Definition[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly anyOf?: readonly Definition[];
  readonly oneOf?: readonly Definition[];
  readonly allOf?: readonly Definition[];
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, Definition>>;
  readonly $defs?: Readonly<Record<string, Definition>>;
  readonly [keyword: string]: unknown;
}
type Definition = JsonSchema | boolean;
type TypeName = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Array.isArray does not narrow readonly arrays out of a union. */
function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}

function typeOf(value: unknown): TypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  // undefined, functions, bigints and symbols cannot come out of JSON.parse; calling them objects is harmless.
  return 'object';
}

function matchesType(value: unknown, type: TypeName): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  return typeOf(value) === type;
}

function resolveRef(root: JsonSchema, ref: string): Definition | undefined {
  const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
  const table = match?.[1] === 'definitions' ? root.definitions : root.$defs;
  const name = match?.[2];
  return name !== undefined && table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

function check(
  root: JsonSchema,
  schema: Definition,
  value: unknown,
  path: string,
  problems: string[],
  depth = 0,
): void {
  if (schema === true || depth > 64) return;
  if (schema === false) {
    problems.push(`${path}: no value is allowed here`);
    return;
  }
  if (schema.$ref !== undefined) {
    const target = resolveRef(root, schema.$ref);
    if (target !== undefined) check(root, target, value, path, problems, depth + 1);
    return;
  }
  const types = schema.type === undefined ? [] : isList(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
    problems.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`);
    return;
  }
  const json = JSON.stringify(value);
  if (schema.enum !== undefined && !schema.enum.some((option) => JSON.stringify(option) === json)) {
    problems.push(`${path}: must be one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== json) {
    problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  }
  for (const part of schema.allOf ?? []) check(root, part, value, path, problems, depth + 1);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined && !alternatives.some((part) => validateAt(root, part, value, path, depth))) {
    problems.push(`${path}: matches none of the allowed shapes`);
  }
  if (typeof value === 'string') checkString(schema, value, path, problems);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${path}: too few items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${path}: too many items`);
    const items = schema.items;
    // Tuple-form `items` (an array of schemas) is not checked.
    if (typeof items === 'boolean' || (items !== undefined && !isList(items))) {
      for (const [index, item] of value.entries()) check(root, items, item, `${path}[${index}]`, problems, depth + 1);
    }
  }
  if (typeOf(value) === 'object') checkObject(root, schema, value as Record<string, unknown>, path, problems, depth);
}

/** A pattern JavaScript cannot compile is ignored, like other keywords this validator does not know. */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

function checkString(schema: JsonSchema, value: string, path: string, problems: string[]) {
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) problems.push(`${path}: too short`);
  if (schema.maxLength !== undefined && length > schema.maxLength) problems.push(`${path}: too long`);
  if (schema.pattern !== undefined && !matchesPattern(schema.pattern, value)) {
    problems.push(`${path}: does not match ${schema.pattern}`);
  }
}

function checkObject(
  root: JsonSchema,
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  problems: string[],
  depth: number,
) {
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name)) problems.push(`${path}.${name}: required`);
  }
  for (const [name, child] of Object.entries(value)) {
    const declared = Object.hasOwn(properties, name) ? properties[name] : undefined;
    const rule = declared ?? schema.additionalProperties;
    if (rule === false) problems.push(`${path}.${name}: not allowed`);
    else if (rule !== undefined) check(root, rule, child, `${path}.${name}`, problems, depth + 1);
  }
}

function validateAt(root: JsonSchema, schema: Definition, value: unknown, path: string, depth: number): boolean {
  const problems: string[] = [];
  check(root, schema, value, path, problems, depth + 1);
  return problems.length === 0;
}

/**
 * Every violation as `path: what is wrong`; empty when the value conforms.
 *
 * @example
 * validateJsonSchema({ type: 'object', required: ['name'] }, {}); // ['$.name: required']
 */
export function validateJsonSchema(schema: JsonSchema, value: unknown): string[] {
  const problems: string[] = [];
  check(schema, schema, value, '$', problems);
  return problems;
}
