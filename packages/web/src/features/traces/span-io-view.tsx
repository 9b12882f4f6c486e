// A span's input or output: chat messages (role, text, tool calls) or one text, JSON pretty-printed; all as text.
import type { SpanIO } from '@kaizen/core';
import { JsonOrText } from '../../components/text-blocks';
import { MessageView } from './message-view';

export function SpanIOView(props: { readonly title: string; readonly value: SpanIO | null; readonly testId: string }) {
  if (props.value === null) return null;
  return (
    <section className="span-io" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {typeof props.value === 'string' ? (
        <JsonOrText text={props.value} />
      ) : (
        <ol className="messages">
          {props.value.map((message, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages of one span, never reordered
            <MessageView key={index} message={message} />
          ))}
        </ol>
      )}
    </section>
  );
}
