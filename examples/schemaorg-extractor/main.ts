// The example's work, as a function: instrument with init(), push the prompt, extract from N pages, shut down.
import { fileURLToPath } from 'node:url';
import { init } from '@kaizen/sdk';
import { extractor } from './extractor-prompt.js';
import { readPages } from './read-pages.js';

export const DEFAULT_DATA = fileURLToPath(new URL('../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));

export interface ExtractorOptions {
  readonly url: string;
  readonly apiKey: string;
  readonly environment: string;
  readonly limit: number;
  readonly dataPath?: string;
  /** `provider:model`; the prompt's own model (`sim:schemaorg`) when absent. */
  readonly model?: string;
  readonly print?: (line: string) => void;
}

export interface ExtractorRun {
  readonly pages: number;
  readonly valid: number;
  readonly invalid: number;
  readonly traceIds: readonly string[];
  readonly simulated: boolean;
}

/**
 * @example
 * const run = await main({ url: 'http://127.0.0.1:4318', apiKey, environment: 'development', limit: 3 });
 */
export async function main(options: ExtractorOptions): Promise<ExtractorRun> {
  const print = options.print ?? console.log;
  const model = options.model ?? extractor.content.model ?? 'sim:schemaorg';
  const simulated = model.startsWith('sim:');
  print(`Model: ${model}${simulated ? ' (SIMULATED: a deterministic offline stand-in, not a real LLM)' : ''}`);
  const kaizen = init({ url: options.url, apiKey: options.apiKey, environment: options.environment });
  const traceIds: string[] = [];
  let valid = 0;
  try {
    const pushed = await extractor.push(kaizen, { message: 'schemaorg-extractor example' }).catch((error: Error) => {
      print(`Could not push the prompt (${error.message}); running the code's template anyway.`);
      return null;
    });
    if (pushed) {
      print(`Prompt ${extractor.name} version ${pushed.version.version} (${pushed.created ? 'new' : 'unchanged'})`);
    }
    for (const page of await readPages(options.dataPath ?? DEFAULT_DATA, options.limit)) {
      const variables = { html: page.html, url: page.url };
      const result = await extractor.safeGenerate(kaizen, variables, options.model ? { model: options.model } : {});
      if (result.success) {
        valid++;
        traceIds.push(result.traceId);
        const type = result.output['@type'] ?? (result.output['@graph'] ? '@graph' : '?');
        const version = result.prompt.version === null ? 'unregistered version' : `v${result.prompt.version}`;
        print(`✓ ${page.id}: ${String(type)}  (${version} from ${result.prompt.source}, trace ${result.traceId})`);
      } else {
        traceIds.push(result.error.traceId);
        print(`✗ ${page.id}: ${result.error.kind} error: ${result.error.message}  (trace ${result.error.traceId})`);
      }
    }
  } finally {
    await kaizen.shutdown();
  }
  const run = { pages: traceIds.length, valid, invalid: traceIds.length - valid, traceIds, simulated };
  print(
    `${run.pages} pages, ${run.valid} valid JSON-LD, ${run.invalid} invalid${simulated ? ' (simulated model)' : ''}`,
  );
  return run;
}
