// Each evaluator version compiled once per server, with its custom checks and judge bound; latest versions cached.
import { type CompiledChecklist, compileChecklist, KaizenError, type ModelPort } from '@kaizen/core';
import { type EvaluatorVersion, fromStoredChecklist, type Store } from '@kaizen/store';
import { type CustomCheckResolver, missingCustomCheck } from './custom-checks.js';

export interface CompiledEvaluator {
  readonly name: string;
  readonly version: number;
  readonly compiled: CompiledChecklist;
}

export interface EvaluatorCompilerOptions {
  readonly store: Store;
  readonly customChecks: CustomCheckResolver;
  readonly judge: ModelPort | undefined;
  /** How long "the latest version of X" is trusted before it is read again. */
  readonly latestTtlMs: number;
  /** Compiled versions kept; the oldest compiled is dropped past it. */
  readonly maxCompiled?: number;
  readonly now?: () => number;
}

export interface EvaluatorCompiler {
  /** The evaluator's newest version, compiled; null when the project has no such evaluator. */
  latest(projectId: string, name: string): Promise<CompiledEvaluator | null>;
  /** A given version, compiled; null when it does not exist. */
  version(projectId: string, name: string, version: number): Promise<CompiledEvaluator | null>;
  /** Forgets which version is the latest (an evaluator was pushed). */
  invalidate(): void;
}

/** Judged criteria without a judge model are errored with this reason, never failed. */
const NO_JUDGE: ModelPort = {
  generate: () =>
    Promise.reject(
      new KaizenError(
        'unavailable',
        'no judge model on this server: set judgeModel in kaizen.config.ts and start `kaizen serve --config kaizen.config.ts`',
      ),
    ),
};

export function createEvaluatorCompiler(options: EvaluatorCompilerOptions): EvaluatorCompiler {
  const now = options.now ?? Date.now;
  const maxCompiled = options.maxCompiled ?? 256;
  const compiledByKey = new Map<string, CompiledEvaluator>();
  const latestByName = new Map<string, { version: EvaluatorVersion | null; at: number }>();

  function compile(projectId: string, found: EvaluatorVersion): CompiledEvaluator {
    const key = `${projectId}\u0000${found.name}\u0000${found.version}`;
    const cached = compiledByKey.get(key);
    if (cached !== undefined) return cached;
    const checklist = fromStoredChecklist(
      found.definition,
      (check) => options.customChecks(found.name, check),
      (check) => missingCustomCheck(found.name, check),
    );
    const compiled = compileChecklist(checklist, { judge: options.judge ?? NO_JUDGE });
    const entry = { name: found.name, version: found.version, compiled };
    if (compiledByKey.size >= maxCompiled) {
      const oldest = compiledByKey.keys().next();
      if (oldest.done !== true) compiledByKey.delete(oldest.value);
    }
    compiledByKey.set(key, entry);
    return entry;
  }

  return {
    async latest(projectId, name) {
      const key = `${projectId}\u0000${name}`;
      let cached = latestByName.get(key);
      if (cached === undefined || now() - cached.at > options.latestTtlMs) {
        cached = { version: await options.store.evaluators.get(projectId, name), at: now() };
        latestByName.set(key, cached);
      }
      return cached.version === null ? null : compile(projectId, cached.version);
    },
    async version(projectId, name, version) {
      const cached = compiledByKey.get(`${projectId}\u0000${name}\u0000${version}`);
      if (cached !== undefined) return cached;
      const found = await options.store.evaluators.get(projectId, name, version);
      return found === null ? null : compile(projectId, found);
    },
    invalidate() {
      latestByName.clear();
    },
  };
}
