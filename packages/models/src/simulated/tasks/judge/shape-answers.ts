// Writes the judge's answers as its JSON reply, or in the shape of a JSON schema the request asks for.

export interface JudgeAnswer {
  readonly id: string;
  readonly answer: 'yes' | 'no';
  readonly rationale: string;
}

/** The few JSON Schema keywords the shaping reads. */
interface SchemaNode {
  readonly type?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly items?: unknown;
}
type Schema = unknown;
const asObject = (schema: Schema): SchemaNode | undefined =>
  typeof schema === 'object' && schema !== null ? (schema as SchemaNode) : undefined;

function pickKey(properties: Readonly<Record<string, Schema>>, pattern: RegExp): string | undefined {
  return Object.keys(properties).find((key) => pattern.test(key));
}

/** An answer in the type the schema gives its verdict field: boolean, enum value, or "yes"/"no". */
function verdictValue(schema: Schema, yes: boolean): unknown {
  const field = asObject(schema);
  if (field?.type === 'boolean') return yes;
  const options = field?.enum?.filter((value): value is string => typeof value === 'string');
  if (options !== undefined && options.length > 0) {
    const pattern = yes ? /^(?:yes|pass(?:ed)?|true|met|y|ok)$/i : /^(?:no|fail(?:ed)?|false|not met|n)$/i;
    return options.find((option) => pattern.test(option)) ?? options[yes ? 0 : Math.min(1, options.length - 1)];
  }
  return yes ? 'yes' : 'no';
}

/**
 * The reply: `{ "answers": [{ "id", "answer", "rationale" }] }`, or the same facts in the shape of the requested
 * schema when it has an array of objects (its id-, verdict- and reason-like fields are filled by name).
 * @example
 * shapeAnswers([{ id: 'polite', answer: 'yes', rationale: 'Says thanks.' }], undefined);
 * // { answers: [{ id: 'polite', answer: 'yes', rationale: 'Says thanks.' }] }
 */
export function shapeAnswers(answers: readonly JudgeAnswer[], schema: Schema): unknown {
  const root = asObject(schema);
  const properties = root?.properties ?? {};
  const listKey = Object.keys(properties).find((key) => asObject(properties[key])?.type === 'array');
  const item = asObject(asObject(listKey === undefined ? undefined : properties[listKey])?.items);
  const fields = item?.properties ?? {};
  if (listKey === undefined || Object.keys(fields).length === 0) return { answers };
  const idKey =
    pickKey(fields, /^(?:id|criterion(?:_?id)?|name|key|question_?id)$/i) ?? pickKey(fields, /id|criterion|name/i);
  const verdictKey = pickKey(fields, /answer|verdict|pass|result|value|met|satisfied|decision/i);
  const reasonKey = pickKey(fields, /rationale|reason|explanation|why|comment|justification/i);
  return {
    [listKey]: answers.map((answer) => ({
      ...(idKey === undefined ? {} : { [idKey]: answer.id }),
      ...(verdictKey === undefined ? {} : { [verdictKey]: verdictValue(fields[verdictKey], answer.answer === 'yes') }),
      ...(reasonKey === undefined ? {} : { [reasonKey]: answer.rationale }),
    })),
  };
}
