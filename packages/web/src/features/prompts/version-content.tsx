// One version's content as text: the template (each chat message under its role), model, parameters, schema, tools.
import { useApi } from '../../api/use-api';
import { dateTime, ErrorBox, Loading } from '../../components/status';
import { JsonBlock } from '../../components/text-blocks';
import { type PromptVersion, promptPath } from './prompt-types';

export function VersionContent(props: { readonly name: string; readonly version: number }) {
  const { data, error } = useApi<PromptVersion>(`${promptPath(props.name)}/versions/${props.version}`);
  if (error !== null) return <ErrorBox error={error} />;
  if (data === null || data.version !== props.version) return <Loading what={`v${props.version}`} />;
  const hasParams = Object.keys(data.params).length > 0;
  return (
    <div data-testid="version-content">
      <dl className="version-facts">
        <dt>Version</dt>
        <dd>v{data.version}</dd>
        <dt>Model</dt>
        <dd>{data.model ?? <span className="muted">not set (the caller's default)</span>}</dd>
        <dt>Variables</dt>
        <dd>{data.variables.length === 0 ? '–' : data.variables.join(', ')}</dd>
        <dt>Message</dt>
        <dd>{data.message ?? '–'}</dd>
        <dt>Author</dt>
        <dd>{data.author ?? '–'}</dd>
        <dt>Created</dt>
        <dd>{dateTime(data.createdAt)}</dd>
      </dl>
      <h3>Template</h3>
      {typeof data.template === 'string' ? (
        <pre className="block" data-testid="template-text">
          {data.template}
        </pre>
      ) : (
        data.template.map((message, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the messages of one immutable version
          <div key={index} className="message">
            <div className="muted">{message.role}</div>
            <pre className="block" data-testid="template-message">
              {message.content}
            </pre>
          </div>
        ))
      )}
      <h3>Parameters</h3>
      {hasParams ? <JsonBlock value={data.params} /> : <p className="muted">None (the model's defaults).</p>}
      {data.outputSchema !== null ? (
        <>
          <h3>Output schema</h3>
          <JsonBlock value={data.outputSchema} />
        </>
      ) : null}
      {data.tools.length > 0 ? (
        <>
          <h3>Tools</h3>
          <JsonBlock value={data.tools} />
        </>
      ) : null}
      {data.examples.length > 0 ? (
        <>
          <h3>Examples</h3>
          <JsonBlock value={data.examples} />
        </>
      ) : null}
    </div>
  );
}
