// SQL safety: (1) no SQL in the store is built by interpolating a value — every `${…}` or `+` operand of SQL text is a
// constant fragment, a placeholder, a number, or a reviewed site listed below with its reason; a new one fails here
// (docs/architecture/security.md); (2) API keys are stored only as SHA-256 hashes, on both backends.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashApiKey, openStore, type Store } from '@kaizen/store';
import { createTestDatabase, describePostgres, dropTestDatabase } from '@kaizen/store/testing';
import pg from 'pg';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { jsonRequest, jsonSpan, postTraces } from './support/otlp-json.js';
import { createProjectWithKey } from './support/test-server.js';

const STORE_SRC = fileURLToPath(new URL('../../store/src', import.meta.url));

/** Uppercase SQL words and placeholder shapes: the store writes its SQL in capitals, its messages in lower case. */
const SQL_WORDS =
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|FROM|JOIN|VALUES|SET|ORDER BY|GROUP BY|LIMIT|ON CONFLICT|AND|OR|IN|EXISTS|CASE WHEN|CREATE|ALTER|DROP|NOT NULL|REFERENCES)\b|[=<>]\s*(\?|\$\d)|\(\s*\?/;
/** A comparison right before an interpolation: `t.start_time >= ${…}`, `name = '${…}'`, `x LIKE ${…}`. */
const COMPARED = /(=|<|>|\b(LIKE|ILIKE|IN \())\s*'?$/;

function looksLikeSql(parts: readonly string[]): boolean {
  return parts.some((part, index) => SQL_WORDS.test(part) || (index < parts.length - 1 && COMPARED.test(part)));
}

/** Names an interpolated expression may use freely: constants, placeholder builders, the dialect object. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;
const FREE_NAMES = new Set(['Object', 'dialect']);
/** Their result is a placeholder (`?`, `$3`, `?, ?, ?`) whatever the arguments: the values go to the bound list. */
const PLACEHOLDERS = new Set(['marks', 'bind', 'placeholder']);

interface Site {
  readonly file: string;
  readonly line: number;
  readonly expression: string;
  /** Built only from constants, placeholders, literals and callback parameters, or a number (`Math.*`). */
  readonly constant: boolean;
}

function storeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return storeFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The identifiers whose values can reach the text: not property names, not parameters of callbacks inside the
 * expression, not the condition of `a ? 'x' : 'y'` (only a branch is spliced), not the array of `xs.map(() => '?')`
 * (only its length counts), and nothing inside `Math.*(…)` (a number).
 */
function freeIdentifiers(expression: ts.Expression): string[] {
  const names: string[] = [];
  const bound = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    if (ts.isConditionalExpression(node)) {
      visit(node.whenTrue);
      visit(node.whenFalse);
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Math') return;
      if (PLACEHOLDERS.has(callee.name.text)) return;
      const [callback] = node.arguments;
      if (
        callee.name.text === 'map' &&
        callback !== undefined &&
        ts.isArrowFunction(callback) &&
        callback.parameters.length === 0
      ) {
        visit(callback.body);
        return;
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && PLACEHOLDERS.has(node.expression.text)) return;
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      for (const parameter of node.parameters) if (ts.isIdentifier(parameter.name)) bound.add(parameter.name.text);
    }
    if (ts.isIdentifier(node) && !bound.has(node.text)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return names;
}

/** Every expression spliced into SQL text: `${…}` in an SQL template, or a non-literal operand of an SQL `+` chain. */
export function sqlInterpolations(file: string, text: string): Site[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: Site[] = [];
  const record = (node: ts.Expression) =>
    sites.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      expression: node.getText(source).replace(/\s+/g, ' '),
      constant: freeIdentifiers(node).every((name) => CONSTANT.test(name) || FREE_NAMES.has(name)),
    });
  const isPlus = (node: ts.Node): node is ts.BinaryExpression =>
    ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
  const operands = (node: ts.Expression): ts.Expression[] => {
    const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
    return isPlus(inner) ? [...operands(inner.left), ...operands(inner.right)] : [inner];
  };
  const literalParts = (node: ts.Node): string[] | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node) && looksLikeSql(literalParts(node) ?? [])) {
      for (const span of node.templateSpans) record(span.expression);
    }
    // The top of a + chain only (a parenthesised chain belongs to the chain around it).
    const parent = isPlus(node) && ts.isParenthesizedExpression(node.parent) ? node.parent.parent : node.parent;
    if (isPlus(node) && !isPlus(parent)) {
      const parts = operands(node);
      const texts = parts.map(literalParts);
      // A literal before a non-literal operand counts as "right before an interpolation".
      const pieces = parts.flatMap((_, index) => texts[index] ?? ['']);
      if (looksLikeSql(pieces)) {
        for (const [index, part] of parts.entries()) if (texts[index] === null) record(part);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

const LIST = 'a list of fixed conditions with ? placeholders, joined';
const VIEW = 'the WHERE of scoreViewSql: fixed conditions, every value bound';
const LIMIT = 'an integer (Math.floor/min/max of a number), written as a literal since SQLite binds numbers as REAL';
const WIDTH = 'a bucket width in µs from a fixed table, keyed by a validated bucket name';

/**
 * Reviewed interpolations of values that are not constants but cannot carry input, by file: what each holds and why.
 * A new site, or one of these expressions in another file, is not covered and fails the test: review it and add it
 * here with its reason, or bind the value as a parameter.
 */
const REVIEWED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'evaluation/score-view-sql.ts': { "prompt.join(' AND ')": LIST },
  'evaluation/sql-label-store.ts': { only: "' AND l.criterion_id IN (' + marks(n) + ')' or ''" },
  'evaluation/sql-score-store.ts': {
    width: WIDTH,
    'scope.where': VIEW,
    status: "the literals 'passed', 'failed', 'errored', 'skipped' (the list mapped right below)",
    "['passed', 'failed', 'errored', 'skipped'].map(count).join(', ')": 'SUM(CASE …) columns of those four literals',
    "prompt.join(' AND ')": LIST,
    "where.join(' AND ')": LIST,
    limit: LIMIT,
  },
  'experiments/sql-experiment-store.ts': {
    column: "the literal column names passed to equal('prompt_name', …) and the like",
    "conditions.join(' AND ')": LIST,
  },
  'insights/sql-insight-store.ts': {
    column: 'a value of the VIEW_COLUMNS constant',
    "where.join(' AND ')": LIST,
    limit: LIMIT,
    'scope.where': VIEW,
    cap: LIMIT,
  },
  'optimizations/sql-optimization-store.ts': {
    "where.join(' AND ')": LIST,
    limit: LIMIT,
    column: 'a column of the PATCH_COLUMNS constant',
    "sets.join(', ')": "'<column> = ?' of PATCH_COLUMNS, joined",
    condition: "' AND status IN (' + marks(n) + ')' or ''",
  },
  'postgres/postgres-statements.ts': {
    'unnestOf(SPAN_COLUMNS)': 'unnest($2::text[], …): one typed placeholder per column of the constant list',
    'unnestOf(TRACE_COLUMNS)': 'unnest($2::text[], …): one typed placeholder per column of the constant list',
  },
  'postgres/span-partitions.ts': {
    name: "partitionName(day): 'spans_dYYYYMMDD' formatted from an integer day (days come from numbers, never input)",
    'day * DAY_MICROS': 'a partition bound: an integer day times a constant',
    '(day + 1) * DAY_MICROS': 'a partition bound: an integer day times a constant',
  },
  'retention/sql-span-retention.ts': { statement: 'one of the constant DELETE statements of this module' },
  'sqlite/sqlite-statements.ts': { updates: "'<column> = excluded.<column>' over TRACE_COLUMNS, a module constant" },
  'query/trace-metrics.ts': { group: 'not SQL: the key of a series in a Map (`=<group>`)' },
  'query/build-trace-list-sql.ts': {
    "prompt.join(' AND ')": 'conditions with bind() placeholders, joined',
    input: "'s.input LIKE|ILIKE ' + bind(pattern) + ' ESCAPE …', the operator from the dialect",
    output: "'s.output LIKE|ILIKE ' + bind(pattern) + ' ESCAPE …', the operator from the dialect",
    "where.join(' AND ')": 'conditions with bind() placeholders, joined',
  },
  'query/trace-metrics-sql.ts': {
    'source.expression': 'groupSource(): a fixed column or CASE expression per validated groupBy',
    'source.join': 'groupSource(): a fixed JOIN per dialect, or empty',
    'view.text': 'viewWhere(): fixed conditions with ? placeholders',
    byValue: "'grp' or 'grp COLLATE \"C\"'",
    "tests.join(' OR ')": "'<group expression> IN (?, …)' and '<group expression> IS NULL'",
    width: WIDTH,
    isOther: "'0', '1', or a CASE over those tests",
    sums: 'a fixed list of aggregate columns',
    base: 'the inner SELECT built above from the same reviewed parts',
    grouping: 'a fixed GROUP BY … ORDER BY',
    ranked: 'the window SELECT over base',
    positioned: 'the SELECT over ranked',
  },
};

/** Reviewed by pattern: migrations write each dialect's column types from its fixed table. */
const REVIEWED_PATTERNS: readonly { readonly file: RegExp; readonly expression: RegExp; readonly reason: string }[] = [
  { file: /^schema\/migration-\d{4}-[\w-]+\.ts$/, expression: /^types\.\w+$/, reason: "the dialect's type names" },
];

function reviewed(site: Site): boolean {
  if (REVIEWED[site.file]?.[site.expression] !== undefined) return true;
  return REVIEWED_PATTERNS.some((pattern) => pattern.file.test(site.file) && pattern.expression.test(site.expression));
}

describe('SQL built by the store', () => {
  const sites = storeFiles(STORE_SRC).flatMap((path) =>
    sqlInterpolations(relative(STORE_SRC, path), readFileSync(path, 'utf8')),
  );

  it('finds the interpolations (the scanner sees SQL at all)', () => {
    expect(sites.length).toBeGreaterThan(50);
  });

  it('flags a value spliced into SQL, and passes constants, placeholders and numbers', () => {
    // Sources written with #{…} for ${…}, so that they read as the code they stand for.
    const flagged = (code: string) =>
      sqlInterpolations('example.ts', code.replaceAll('#{', '$' + '{'))
        .filter((site) => !site.constant)
        .map((site) => site.expression);
    expect(flagged("db.query(`SELECT * FROM t WHERE name = '#{name}'`);")).toEqual(['name']);
    expect(flagged("db.query('SELECT * FROM t WHERE id = ' + request.id);")).toEqual(['request.id']);
    expect(flagged('where.push(`t.start_time >= #{query.from}`);')).toEqual(['query.from']);
    expect(flagged('sql(`SELECT #{COLUMNS} FROM t WHERE #{COLUMNS[0]} LIKE #{input} ESCAPE x`);')).toEqual(['input']);
    expect(flagged('sql(`UPDATE t SET #{column} = ? WHERE id = ?`);')).toEqual(['column']);
    expect(
      flagged(
        "sql(`SELECT #{TRACE_COLUMNS.map((c) => `t.#{c}`).join(', ')} FROM t WHERE a = #{bind(value)} AND b IN (#{marks(ids.length)})` + ` LIMIT #{Math.trunc(limit)}#{split === undefined ? '' : ' AND split = ?'} #{ids.map(() => '?').join(', ')}`);",
      ),
    ).toEqual([]);
    expect(flagged('throw new Error(`limit must be from 1 to #{MAX}, got #{limit}`);')).toEqual([]);
  });

  it('interpolates only constants, placeholders, numbers and reviewed fragments', () => {
    const unsafe = sites.filter((site) => !site.constant && !reviewed(site));
    expect(unsafe.map((site) => `${site.file}:${site.line} \${${site.expression}}`)).toEqual([]);
  });
});

/** Creates a key as `kaizen keys create` does, then uses it every way a client can: ingest, API, Basic, sign-in. */
async function createAndUseKey(store: Store): Promise<string> {
  const { key } = await createProjectWithKey(store, 'hashed-keys');
  const server = await startServer({ store, port: 0, webRoot: null, onlineEvaluation: false });
  try {
    expect((await postTraces(server.url, key, jsonRequest([jsonSpan()]))).status).toBe(200);
    const basic = Buffer.from(`pk-lf-1:${key}`).toString('base64');
    for (const authorization of [`Bearer ${key}`, `Basic ${basic}`]) {
      expect((await fetch(`${server.url}/api/traces`, { headers: { authorization } })).status).toBe(200);
    }
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kaizen-csrf': '1' },
      body: JSON.stringify({ apiKey: key }),
    });
    expect(signIn.status).toBe(200);
  } finally {
    await server.close();
  }
  return key;
}

/** The key, and the secret part after the prefix that lists may show. */
const secretsOf = (key: string) => [key, key.slice(10)];

describe('API keys at rest', () => {
  it('SQLite: no byte of the database files holds the key or its secret part, only its SHA-256', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-keys-'));
    try {
      const store = await openStore({ dataDir });
      let key: string;
      try {
        key = await createAndUseKey(store);
      } finally {
        await store.close();
      }
      // The database, its WAL and shared-memory files: whatever SQLite has written.
      const bytes = Buffer.concat(readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name))));
      for (const secret of secretsOf(key)) expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(hashApiKey(key))).toBe(true);
      expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describePostgres('Postgres', () => {
    it('no row of any table holds the key or its secret part; api_keys holds its SHA-256 and prefix', async () => {
      const databaseUrl = await createTestDatabase();
      const client = new pg.Client({ connectionString: databaseUrl });
      try {
        const store = await openStore({ databaseUrl });
        let key: string;
        try {
          key = await createAndUseKey(store);
        } finally {
          await store.close();
        }
        await client.connect();
        const tables = await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(tables.rows.length).toBeGreaterThan(5);
        for (const { name } of tables.rows) {
          // A catalog name, checked, quoted: the one identifier this test splices.
          expect(name).toMatch(/^[a-z_0-9]+$/);
          const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
          for (const { row } of rows.rows) for (const secret of secretsOf(key)) expect(row, name).not.toContain(secret);
        }
        const keys = await client.query<{ key_hash: string; prefix: string }>('SELECT key_hash, prefix FROM api_keys');
        expect(keys.rows).toEqual([{ key_hash: hashApiKey(key), prefix: key.slice(0, 10) }]);
      } finally {
        await client.end().catch(() => {});
        await dropTestDatabase(databaseUrl);
      }
    });
  });
});
