// The prompt registry as the API lists it (docs/api/prompts.md): prompts with their labels, versions without content,
// and the diff of two versions.
import type { PromptDiff } from './diff-prompt.js';
import type { PromptVersion } from './prompt.js';

/**
 * One prompt in `GET /api/prompts`.
 *
 * @example
 * const summary: PromptSummary = { name: 'summary', latestVersion: 3, labels: { production: 2 }, updatedAt };
 */
export interface PromptSummary {
  readonly name: string;
  /** Versions are numbered 1…n, so this is also how many there are. */
  readonly latestVersion: number;
  /** label → version */
  readonly labels: Readonly<Record<string, number>>;
  /** ISO 8601. */
  readonly updatedAt: string;
}

/**
 * A version as `GET /api/prompts/:name` lists it: its content left out.
 *
 * @example
 * const line = (version: PromptVersionSummary) => `v${version.version} ${version.labels.join(',')} ${version.message}`;
 */
export type PromptVersionSummary = Pick<
  PromptVersion,
  'version' | 'hash' | 'message' | 'author' | 'createdAt' | 'labels'
>;

/**
 * `GET /api/prompts/:name`.
 *
 * @example
 * const details: PromptDetails = { name: 'summary', labels: { production: 2, staging: 3 }, versions: [] };
 */
export interface PromptDetails {
  readonly name: string;
  /** label → version */
  readonly labels: Readonly<Record<string, number>>;
  /** Newest first. */
  readonly versions: readonly PromptVersionSummary[];
}

/**
 * `GET /api/prompts/:name/diff?from&to`: core's diff of the two versions, and which ones they are.
 *
 * @example
 * const answer: PromptVersionDiff = { from: 2, to: 3, ...diffPrompt(v2, v3) };
 */
export interface PromptVersionDiff extends PromptDiff {
  readonly from: number;
  readonly to: number;
}

/**
 * The answer of `POST /api/prompts/:name/versions`: the version that holds the content, new or existing.
 *
 * @example
 * const { version, created }: CreatePromptVersionResult = await (await fetch(url, { method: 'POST', body })).json();
 * console.log(`v${version.version} (${created ? 'new' : 'unchanged'})`);
 */
export interface CreatePromptVersionResult {
  /** The full version: a new one, or the existing one with the same content hash (whichever version it is). */
  readonly version: PromptVersion;
  /** False when a version with the same content hash already existed: no new version was made. */
  readonly created: boolean;
}
