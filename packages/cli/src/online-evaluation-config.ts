// What online evaluation takes from kaizen.config.ts, the same for `kaizen serve` and `kaizen worker`.
import { createModelPort } from '@kaizen/models';
import type { KaizenConfig } from '@kaizen/sdk';
import type { ServerOptions } from '@kaizen/server';

type OnlineOptions = Exclude<NonNullable<ServerOptions['onlineEvaluation']>, false>;

/**
 * Custom checks run the config's code; `llm_judge` criteria ask its judgeModel. Without a judge those criteria are
 * errored with a reason, never failed.
 */
export function onlineEvaluationFromConfig(config: KaizenConfig): OnlineOptions {
  return {
    ...(config.evaluators !== undefined ? { evaluators: config.evaluators } : {}),
    ...(config.judgeModel !== undefined ? { judge: createModelPort(config.judgeModel) } : {}),
  };
}
