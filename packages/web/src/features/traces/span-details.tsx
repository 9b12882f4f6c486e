// One span in full: what it is, its timing and usage, its messages and output, and its raw attributes (collapsed).
import type { Span } from '@kaizen/core';
import { Badge, dateTime, usd } from '../../components/status';
import { JsonBlock } from '../../components/text-blocks';
import { PromptLink } from './prompt-link';
import { SpanIOView } from './span-io-view';
import { duration, tokens } from './trace-format';

export function SpanDetails(props: { readonly span: Span }) {
  const { span } = props;
  const attributeCount = Object.keys(span.attributes).length;
  return (
    <article className="card span-details" data-testid="span-details">
      <header className="span-details-header">
        <h2 data-testid="span-name">{span.name}</h2>
        <Badge>{span.kind}</Badge>
        <Badge tone={span.status === 'error' ? 'bad' : 'good'}>{span.status}</Badge>
      </header>
      {span.statusMessage !== null ? (
        <p className="error" data-testid="span-status-message">
          {span.statusMessage}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Model</dt>
        <dd>{span.model === null ? '–' : `${span.model}${span.provider === null ? '' : ` (${span.provider})`}`}</dd>
        <dt>Started</dt>
        <dd>{dateTime(span.startTime)}</dd>
        <dt>Duration</dt>
        <dd>{duration(span.durationMs)}</dd>
        <dt>Tokens</dt>
        <dd>{tokens(span.inputTokens, span.outputTokens, span.totalTokens)}</dd>
        <dt>Cost</dt>
        <dd>{usd(span.costUsd)}</dd>
        <dt>Prompt</dt>
        <dd>
          <PromptLink name={span.promptName} version={span.promptVersion} />
        </dd>
        {span.sessionId !== null ? (
          <>
            <dt>Session</dt>
            <dd>{span.sessionId}</dd>
          </>
        ) : null}
        {span.userId !== null ? (
          <>
            <dt>User</dt>
            <dd>{span.userId}</dd>
          </>
        ) : null}
        <dt>Span id</dt>
        <dd>
          <code>{span.spanId}</code>
        </dd>
      </dl>
      <SpanIOView title="Input" value={span.input} testId="span-input" />
      <SpanIOView title="Output" value={span.output} testId="span-output" />
      <details className="attributes" data-testid="span-attributes">
        <summary>Attributes ({attributeCount})</summary>
        <JsonBlock value={span.attributes} />
      </details>
    </article>
  );
}
