// Request schemas of the insights API (docs/api/insights.md): one view, in a body to compute or a query to list.
import { z } from 'zod';
import { DatasetName } from './dataset-routes-schemas.js';
import { EvaluatorName, VersionNumber } from './evaluator-routes-schemas.js';
import { ExperimentId } from './experiment-routes-schemas.js';

const Text = z.string().min(1).max(1000);
const IsoTime = z.iso.datetime({ offset: true });

const viewFields = {
  environment: Text.optional(),
  promptName: Text.optional(),
  promptVersion: Text.optional(),
  datasetName: DatasetName.optional(),
  datasetVersion: VersionNumber.optional(),
  experimentId: ExperimentId.optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
};

/** What to compute over: one evaluator over production traces, a dataset's sources, or an experiment. */
export const CreateInsightBody = z
  .strictObject({ evaluatorName: EvaluatorName.optional(), ...viewFields })
  .refine((body) => body.evaluatorName !== undefined || body.experimentId !== undefined, {
    message: "required unless experimentId is given (an experiment's own evaluator)",
    path: ['evaluatorName'],
  })
  .refine((body) => body.datasetName === undefined || body.experimentId === undefined, {
    message: 'give a dataset or an experiment, not both',
    path: ['experimentId'],
  })
  .refine(
    (body) =>
      (body.datasetName === undefined && body.experimentId === undefined) ||
      [body.environment, body.promptName, body.promptVersion, body.from, body.to].every((field) => field === undefined),
    {
      message: 'a dataset or an experiment is analysed whole: no environment, prompt or time filters',
      path: ['environment'],
    },
  )
  .refine((body) => body.datasetVersion === undefined || body.datasetName !== undefined, {
    message: 'datasetVersion needs datasetName',
    path: ['datasetVersion'],
  })
  .refine((body) => body.promptVersion === undefined || body.promptName !== undefined, {
    message: 'promptVersion needs promptName',
    path: ['promptVersion'],
  })
  .refine((body) => body.from === undefined || body.to === undefined || Date.parse(body.from) < Date.parse(body.to), {
    message: 'must be before "to"',
    path: ['from'],
  });
export type CreateInsightBody = z.infer<typeof CreateInsightBody>;

export const InsightListQuery = z.strictObject({
  evaluator: EvaluatorName.optional(),
  environment: Text.optional(),
  promptName: Text.optional(),
  promptVersion: Text.optional(),
  dataset: DatasetName.optional(),
  datasetVersion: VersionNumber.optional(),
  experiment: ExperimentId.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type InsightListQuery = z.infer<typeof InsightListQuery>;

export const InsightId = z.string().regex(/^[0-9a-f-]{36}$/, 'expected an insight id (a UUID)');
