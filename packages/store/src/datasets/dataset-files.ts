// Dataset items to and from files: JSONL (exact), a JSON array, and CSV (columns are variables; lossy for non-text).
import { createHash } from 'node:crypto';
import { canonicalJson, KaizenError } from '@kaizen/core';
import { formatCsv, parseCsv } from './csv-text.js';
import type { DatasetItem, DatasetItemInput, DatasetSplit } from './dataset-types.js';

export const DATASET_FILE_FORMATS = ['jsonl', 'json', 'csv'] as const;
export type DatasetFileFormat = (typeof DATASET_FILE_FORMATS)[number];

/** Keys of a JSONL/JSON record that are not input variables. */
const RECORD_KEYS = new Set(['id', 'itemId', 'input', 'expected', 'metadata', 'split', 'sourceTraceId']);

/** An item as read from a file: the id is null when the file gives none. */
type ParsedItem = Omit<DatasetItemInput, 'itemId'> & { readonly itemId: string | null };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Items without an id get one from their content, so re-importing the same rows gives the same ids (and splits). */
function withIds(items: readonly ParsedItem[]): DatasetItemInput[] {
  const taken = new Set(items.flatMap((item) => (item.itemId === null ? [] : [item.itemId])));
  return items.map((item) => {
    if (item.itemId !== null) return { ...item, itemId: item.itemId };
    const content = canonicalJson({ input: item.input, expected: item.expected });
    const base = `item-${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
    let itemId = base;
    for (let copy = 2; taken.has(itemId); copy++) itemId = `${base}-${copy}`;
    taken.add(itemId);
    return { ...item, itemId };
  });
}

function readSplit(value: unknown, where: string): DatasetSplit | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'train' || value === 'validation' || value === 'holdout') return value;
  throw new KaizenError(
    'invalid_input',
    `${where}: split must be train, validation or holdout, got "${String(value)}"`,
  );
}

function readId(value: unknown, where: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new KaizenError('invalid_input', `${where}: id must be a string or a number`);
}

function recordToItem(record: unknown, where: string): ParsedItem {
  if (!isPlainObject(record)) throw new KaizenError('invalid_input', `${where}: expected a JSON object`);
  const itemId = readId(record.itemId ?? record.id, where);
  let input: unknown = record.input;
  if (!('input' in record)) {
    // A flat record: every other key is a template variable.
    input = Object.fromEntries(Object.entries(record).filter(([key]) => !RECORD_KEYS.has(key)));
  }
  if (!isPlainObject(input) && !Array.isArray(input)) {
    throw new KaizenError('invalid_input', `${where}: input must be an object of variables or an array of messages`);
  }
  if (record.metadata !== undefined && !isPlainObject(record.metadata)) {
    throw new KaizenError('invalid_input', `${where}: metadata must be an object`);
  }
  const split = readSplit(record.split, where);
  const source = record.sourceTraceId;
  return {
    itemId,
    input: input as DatasetItemInput['input'],
    ...('expected' in record ? { expected: record.expected } : {}),
    metadata: (record.metadata as Record<string, unknown> | undefined) ?? {},
    sourceTraceId: typeof source === 'string' && source !== '' ? source : null,
    ...(split !== undefined ? { split } : {}),
  };
}

function parseJsonl(text: string): DatasetItemInput[] {
  const records: ParsedItem[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new KaizenError('invalid_input', `line ${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    records.push(recordToItem(value, `line ${index + 1}`));
  }
  return withIds(records);
}

function parseJsonArray(text: string): DatasetItemInput[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KaizenError('invalid_input', `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new KaizenError('invalid_input', 'a JSON dataset file must be an array of items');
  return withIds(value.map((record, index) => recordToItem(record, `item ${index + 1}`)));
}

/** `expected` cells holding a JSON object or array are parsed; anything else is text. */
function readExpectedCell(cell: string): unknown {
  const trimmed = cell.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return cell;
    }
  }
  return cell;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (!isPlainObject(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
}

function parseCsvItems(text: string): DatasetItemInput[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) throw new KaizenError('invalid_input', 'the CSV file is empty');
  const names = header.map((name) => name.trim());
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new KaizenError('invalid_input', `CSV column "${duplicate}" appears twice`);
  if (names.includes('expected') && names.some((name) => name.startsWith('expected.'))) {
    throw new KaizenError('invalid_input', 'CSV: use either an "expected" column or "expected.*" columns, not both');
  }
  const variableColumns = names.filter(
    (name) =>
      !['id', 'itemId', 'split', 'sourceTraceId', 'expected', 'messages'].includes(name) &&
      !name.startsWith('expected.') &&
      !name.startsWith('metadata.'),
  );
  if (names.includes('messages') && variableColumns.length > 0) {
    throw new KaizenError('invalid_input', 'CSV: a "messages" column replaces variable columns; drop one of them');
  }
  const items = rows.map((row, index) => {
    const where = `CSV row ${index + 2}`;
    if (row.length !== names.length) {
      throw new KaizenError('invalid_input', `${where}: ${row.length} fields, the header has ${names.length}`);
    }
    const cell = (name: string) => {
      const at = names.indexOf(name);
      return at < 0 ? undefined : row[at];
    };
    let input: DatasetItemInput['input'];
    const messages = cell('messages');
    if (messages !== undefined) {
      try {
        input = JSON.parse(messages) as DatasetItemInput['input'];
      } catch {
        throw new KaizenError('invalid_input', `${where}: the messages cell is not a JSON array`);
      }
    } else {
      input = Object.fromEntries(variableColumns.map((name) => [name, cell(name) ?? '']));
    }
    const expected: Record<string, unknown> = {};
    const metadata: Record<string, unknown> = {};
    let hasExpected = false;
    for (const [at, name] of names.entries()) {
      const value = row[at] ?? '';
      if (value === '') continue;
      if (name === 'expected') {
        hasExpected = true;
      } else if (name.startsWith('expected.')) {
        hasExpected = true;
        setPath(expected, name.slice('expected.'.length).split('.'), value);
      } else if (name.startsWith('metadata.')) {
        setPath(metadata, name.slice('metadata.'.length).split('.'), value);
      }
    }
    const whole = cell('expected');
    const split = readSplit(cell('split'), where);
    const source = cell('sourceTraceId');
    return {
      itemId: readId(cell('itemId') ?? cell('id'), where),
      input,
      ...(hasExpected ? { expected: whole !== undefined ? readExpectedCell(whole) : expected } : {}),
      metadata,
      sourceTraceId: source !== undefined && source !== '' ? source : null,
      ...(split !== undefined ? { split } : {}),
    };
  });
  return withIds(items);
}

/**
 * Items from a file's text. JSONL/JSON records are `{ itemId|id, input, expected?, metadata?, split?, sourceTraceId? }`,
 * or flat (no `input`): every other key is a variable. CSV: a header row; columns are input variables, except `id`,
 * `split`, `sourceTraceId`, `expected` (JSON object/array or text), `expected.*`, `metadata.*` and `messages` (a JSON
 * array replacing the variables). Items without an id get one from a hash of their input and expected output.
 *
 * @example
 * parseDatasetFile('{"id":"a","input":{"html":"<p>"},"expected":{"@type":"Thing"}}\n', 'jsonl');
 * parseDatasetFile('id,html,expected.@type\na,<p>,Thing\n', 'csv');
 */
export function parseDatasetFile(text: string, format: DatasetFileFormat): DatasetItemInput[] {
  switch (format) {
    case 'jsonl':
      return parseJsonl(text);
    case 'json':
      return parseJsonArray(text);
    case 'csv':
      return parseCsvItems(text);
  }
}

function itemRecord(item: DatasetItem): Record<string, unknown> {
  return {
    itemId: item.itemId,
    split: item.split,
    input: item.input,
    ...('expected' in item ? { expected: item.expected } : {}),
    metadata: item.metadata,
    sourceTraceId: item.sourceTraceId,
  };
}

const cellOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function formatCsvItems(items: readonly DatasetItem[]): string {
  const messages = items.some((item) => Array.isArray(item.input));
  if (messages && items.some((item) => !Array.isArray(item.input))) {
    throw new KaizenError('invalid_input', 'CSV export needs all items to have variables, or all messages; use jsonl');
  }
  const union = (keysOf: (item: DatasetItem) => string[]) => [...new Set(items.flatMap(keysOf))];
  const variables = messages ? [] : union((item) => Object.keys(item.input as Record<string, unknown>));
  const metadata = union((item) => Object.keys(item.metadata));
  const withExpected = items.some((item) => 'expected' in item);
  const withSource = items.some((item) => item.sourceTraceId !== null);
  const header = [
    'id',
    'split',
    ...(withSource ? ['sourceTraceId'] : []),
    ...(messages ? ['messages'] : variables),
    ...(withExpected ? ['expected'] : []),
    ...metadata.map((key) => `metadata.${key}`),
  ];
  const rows = items.map((item) => {
    const input = item.input as Record<string, unknown>;
    return [
      item.itemId,
      item.split,
      ...(withSource ? [item.sourceTraceId ?? ''] : []),
      ...(messages ? [JSON.stringify(item.input)] : variables.map((key) => (key in input ? cellOf(input[key]) : ''))),
      ...(withExpected ? ['expected' in item ? cellOf(item.expected) : ''] : []),
      ...metadata.map((key) => (key in item.metadata ? cellOf(item.metadata[key]) : '')),
    ];
  });
  return formatCsv([header, ...rows]);
}

/**
 * JSONL round-trips every item exactly; CSV writes non-text values as JSON text (they come back as text, except
 * `expected` objects and arrays) and holds either variables or messages.
 *
 * @example
 * const text = formatDatasetItems(items, 'jsonl');
 * parseDatasetFile(text, 'jsonl'); // the same items
 */
export function formatDatasetItems(items: readonly DatasetItem[], format: DatasetFileFormat): string {
  switch (format) {
    case 'jsonl':
      return items.map((item) => `${JSON.stringify(itemRecord(item))}\n`).join('');
    case 'json':
      return `${JSON.stringify(items.map(itemRecord), null, 2)}\n`;
    case 'csv':
      return formatCsvItems(items);
  }
}
