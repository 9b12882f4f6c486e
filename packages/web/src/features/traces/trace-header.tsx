// The trace's totals at a glance: status, time, environment, models, prompt version, tokens, cost and latency.
import { Badge, dateTime, usd } from '../../components/status';
import { PromptLink } from './prompt-link';
import { duration, tokens } from './trace-format';
import type { TraceTotals } from './trace-totals';

export function TraceHeader(props: { readonly totals: TraceTotals; readonly spanCount: number }) {
  const { totals } = props;
  return (
    <dl className="trace-totals card" data-testid="trace-totals">
      <div>
        <dt>Status</dt>
        <dd>
          <Badge tone={totals.status === 'error' ? 'bad' : 'good'}>{totals.status}</Badge>
        </dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{dateTime(totals.startTime)}</dd>
      </div>
      <div>
        <dt>Environment</dt>
        <dd>{totals.environment ?? '–'}</dd>
      </div>
      <div>
        <dt>Models</dt>
        <dd>{totals.models.join(', ') || '–'}</dd>
      </div>
      <div>
        <dt>Prompt</dt>
        <dd data-testid="trace-prompt">
          <PromptLink name={totals.promptName} version={totals.promptVersion} />
        </dd>
      </div>
      <div>
        <dt>Tokens</dt>
        <dd data-testid="trace-tokens">{tokens(totals.inputTokens, totals.outputTokens, totals.totalTokens)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-testid="trace-cost">{usd(totals.costUsd)}</dd>
      </div>
      <div>
        <dt>Latency</dt>
        <dd data-testid="trace-latency">{duration(totals.durationMs)}</dd>
      </div>
      <div>
        <dt>Spans</dt>
        <dd>{props.spanCount}</dd>
      </div>
    </dl>
  );
}
