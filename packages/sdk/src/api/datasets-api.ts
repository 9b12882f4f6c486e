// Client for the dataset routes under /api/datasets (docs/api/datasets-experiments.md).
import { KaizenError } from '@kaizen/core';
import type {
  DatasetDetails,
  DatasetFileFormat,
  DatasetItem,
  DatasetItemInput,
  DatasetItemPage,
  DatasetSplit,
  DatasetSummary,
  DatasetVersion,
  FromTracesInput,
  ImportFileInput,
  SplitSettings,
} from '../experiments/dataset-api-types.js';
import { errorFromResponse } from './error-from-response.js';
import type { HttpOptions, HttpRequest } from './http-request.js';

/**
 * The dataset routes: versions from items, files or trace views; versions, items by split; exports.
 *
 * @example
 * const version = await api.datasets.importFile('pages', { content, format: 'jsonl', seed: 7 });
 * const items = await api.datasets.allItems('pages', version.version, { split: 'validation' });
 */
export interface DatasetsApi {
  list(): Promise<{ readonly items: readonly DatasetSummary[] }>;
  get(name: string): Promise<DatasetDetails>;
  getVersion(name: string, version: number | 'latest'): Promise<DatasetVersion>;
  listItems(
    name: string,
    version: number | 'latest',
    query?: { split?: DatasetSplit; limit?: number; cursor?: string },
  ): Promise<DatasetItemPage>;
  /** Every item of the version (of one split when given), page after page, in order. */
  allItems(name: string, version: number | 'latest', query?: { split?: DatasetSplit }): Promise<DatasetItem[]>;
  createVersion(
    name: string,
    input: { items: readonly DatasetItemInput[]; splits?: Partial<SplitSettings>; message?: string },
  ): Promise<DatasetVersion>;
  /** Built by the server from the traces of a view (with score/label filters) and a sampling strategy. */
  createFromTraces(name: string, input: FromTracesInput): Promise<DatasetVersion>;
  importFile(name: string, input: ImportFileInput): Promise<DatasetVersion>;
  /** The version's items as a file's text. */
  exportFile(
    name: string,
    version: number | 'latest',
    options?: { format?: DatasetFileFormat; split?: DatasetSplit },
  ): Promise<string>;
}

const CONTENT_TYPES: Readonly<Record<DatasetFileFormat, string>> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
  json: 'application/json',
};

/** Files can be large: uploads and exports get a longer deadline than JSON calls. */
const FILE_TIMEOUT_MS = 120_000;

/** Sends or fetches a file's text: the JSON request helper only speaks JSON. */
async function fileRequest(
  options: HttpOptions,
  method: string,
  path: string,
  request: { body?: string; contentType?: string; query?: Record<string, string | undefined> },
): Promise<string> {
  const base = options.url.replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) params.set(key, value);
  const url = `${base}${path}${params.size > 0 ? `?${params.toString()}` : ''}`;
  const what = `${method} ${path}`;
  const timeoutMs = Math.max(options.timeoutMs ?? 0, FILE_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    const doFetch = options.fetch ?? globalThis.fetch;
    response = await doFetch(url, {
      method,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        ...(request.contentType !== undefined ? { 'content-type': request.contentType } : {}),
      },
      signal: AbortSignal.timeout(timeoutMs),
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    text = await response.text();
  } catch (error) {
    throw new KaizenError('unavailable', `${what}: cannot reach Kaizen at ${base} (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (!response.ok) throw errorFromResponse(response.status, text, what);
  return text;
}

/**
 * @example
 * const datasets = createDatasetsApi(createHttpRequest(options), options);
 * await datasets.createVersion('smoke', { items: [{ itemId: 'a', input: { text: 'hi' } }] });
 */
export function createDatasetsApi(request: HttpRequest, options: HttpOptions): DatasetsApi {
  const at = (name: string) => `/api/datasets/${encodeURIComponent(name)}`;
  const versionPath = (name: string, version: number | 'latest') => `${at(name)}/versions/${version}`;
  const api: DatasetsApi = {
    list: () => request('GET', '/api/datasets'),
    get: (name) => request('GET', at(name)),
    getVersion: (name, version) => request('GET', versionPath(name, version)),
    listItems: (name, version, query = {}) =>
      request('GET', `${versionPath(name, version)}/items`, { query: { ...query } }),
    async allItems(name, version, query = {}) {
      const items: DatasetItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.listItems(name, version, {
          limit: 200,
          ...(query.split !== undefined ? { split: query.split } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return items;
    },
    createVersion: (name, input) => request('POST', `${at(name)}/versions`, { body: input }),
    createFromTraces: (name, input) => request('POST', `${at(name)}/versions/from-traces`, { body: input }),
    async importFile(name, input) {
      const text = await fileRequest(options, 'POST', `${at(name)}/versions/import`, {
        body: input.content,
        contentType: CONTENT_TYPES[input.format],
        query: {
          format: input.format,
          seed: input.seed?.toString(),
          splits: input.fractions?.join(','),
          message: input.message,
          file: input.file,
        },
      });
      return JSON.parse(text) as DatasetVersion;
    },
    exportFile: (name, version, exportOptions = {}) =>
      fileRequest(options, 'GET', `${versionPath(name, version)}/export`, {
        query: { format: exportOptions.format ?? 'jsonl', split: exportOptions.split },
      }),
  };
  return api;
}
