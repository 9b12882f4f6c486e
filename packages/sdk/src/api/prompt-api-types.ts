// Shapes of the prompt registry API (docs/api/prompts.md), as the client sends and receives them; what it receives
// is core's, shared with the store and the web app.
import type { CreatePromptVersionResult, PromptContent, PromptSummary } from '@kaizen/core';

export type {
  Items,
  LabelEvent,
  PromptDetails,
  PromptVersion,
  PromptVersionDiff,
  PromptVersionSummary,
} from '@kaizen/core';

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
 * The answer of `POST /api/prompts/:name/versions` (core's CreatePromptVersionResult).
 *
 * @example
 * const { version, created } = await api.prompts.pushVersion('summary', input);
 * console.log(`v${version.version} (${created ? 'new' : 'unchanged'}), hash ${version.hash}`);
 */
export type PushVersionResult = CreatePromptVersionResult;

/**
 * One prompt in `GET /api/prompts` (core's PromptSummary).
 *
 * @example
 * for (const item of (await api.prompts.list()).items) console.log(item.name, item.labels.production);
 */
export type PromptListItem = PromptSummary;
