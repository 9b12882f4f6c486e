// Shapes of the prompt registry API (docs/api/prompts.md), as the client sends and receives them.
import type { FieldChange, LabelEvent, PromptContent, PromptVersion, WordEdit } from '@kaizen/core';

/**
 * The body of `POST /api/prompts/:name/versions`: content (template required) plus who and why.
 *
 * @example
 * const input: PushVersionInput = { template: 'Summarise {{text}}', model: 'openai:gpt-4o-mini', message: 'shorter' };
 */
export type PushVersionInput = Pick<PromptContent, 'template'> &
  Partial<Omit<PromptContent, 'template'>> & {
    readonly message?: string;
    readonly author?: string;
  };

/**
 * The answer of `POST /api/prompts/:name/versions`: the version that holds the content, new or existing.
 *
 * @example
 * const { version, created } = await api.prompts.pushVersion('summary', input);
 * console.log(`v${version.version} (${created ? 'new' : 'unchanged'}), hash ${version.hash}`);
 */
export interface PushVersionResult {
  /** The full version: a new one, or the existing one with the same content hash (whichever version it is). */
  readonly version: PromptVersion;
  /** False when a version with the same content hash already existed: no new version was made. */
  readonly created: boolean;
}

/**
 * One prompt in `GET /api/prompts`.
 *
 * @example
 * for (const item of (await api.prompts.list()).items) console.log(item.name, item.labels.production);
 */
export interface PromptListItem {
  readonly name: string;
  readonly latestVersion: number;
  readonly labels: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

/** A version as listed by `GET /api/prompts/:name` (content left out). */
export type PromptVersionSummary = Pick<
  PromptVersion,
  'version' | 'hash' | 'message' | 'author' | 'createdAt' | 'labels'
>;

/**
 * @example
 * const { labels, versions } = await api.prompts.get('summary'); // labels: { production: 2, staging: 3 }
 */
export interface PromptDetails {
  readonly name: string;
  readonly labels: Readonly<Record<string, number>>;
  readonly versions: readonly PromptVersionSummary[];
}

/**
 * @example
 * console.log((await api.prompts.diff('summary', 2, 3)).unified);
 */
export interface PromptVersionDiff {
  readonly from: number;
  readonly to: number;
  readonly unified: string;
  readonly words: readonly WordEdit[];
  readonly changes: readonly FieldChange[];
}

/** A list answer: `{ items }`. */
export interface Items<T> {
  readonly items: readonly T[];
}

export type { LabelEvent, PromptVersion };
