// The compute form's fields and the request body they make (only the chosen source's fields).

export type Source = 'traces' | 'dataset' | 'experiment';
export const RANGES = { all: null, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type Range = keyof typeof RANGES;

export interface FormState {
  readonly source: Source;
  readonly evaluator: string;
  readonly environment: string;
  readonly promptName: string;
  readonly promptVersion: string;
  readonly range: Range;
  readonly datasetName: string;
  readonly datasetVersion: string;
  readonly experimentId: string;
}

export const EMPTY_FORM: FormState = {
  source: 'traces',
  evaluator: '',
  environment: '',
  promptName: '',
  promptVersion: '',
  range: '7d',
  datasetName: '',
  datasetVersion: '',
  experimentId: '',
};

/** The request body: only the fields of the chosen source, empty ones left out (the API refuses mixed views). */
export function insightBody(form: FormState, nowMs: number): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  const evaluator = form.evaluator.trim();
  if (evaluator !== '') body.evaluatorName = evaluator;
  if (form.source === 'experiment') {
    body.experimentId = form.experimentId;
  } else if (form.source === 'dataset') {
    body.datasetName = form.datasetName;
    if (form.datasetVersion.trim() !== '') body.datasetVersion = Number(form.datasetVersion);
  } else {
    if (form.environment.trim() !== '') body.environment = form.environment.trim();
    if (form.promptName !== '') body.promptName = form.promptName;
    if (form.promptName !== '' && form.promptVersion.trim() !== '') body.promptVersion = form.promptVersion.trim();
    const span = RANGES[form.range];
    if (span !== null) body.from = new Date(nowMs - span).toISOString();
  }
  return body;
}
