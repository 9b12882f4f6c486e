// One chat message as text: its role, name, content (JSON pretty-printed) and tool calls.
import type { Message } from '@kaizen/core';
import { JsonOrText } from '../../components/text-blocks';

export function MessageView(props: { readonly message: Message }) {
  const { message } = props;
  return (
    <li className="message">
      <div className="message-role">
        <strong>{message.role}</strong>
        {message.name !== undefined ? <span className="muted"> · {message.name}</span> : null}
        {message.toolCallId !== undefined ? <span className="muted"> · tool call {message.toolCallId}</span> : null}
      </div>
      {message.content !== '' || message.toolCalls === undefined ? <JsonOrText text={message.content} /> : null}
      {(message.toolCalls ?? []).map((call, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: calls of one message, never reordered
        <div key={index} className="tool-call">
          <span className="muted">calls </span>
          <code>{call.name}</code>
          {call.id !== undefined ? <span className="muted"> ({call.id})</span> : null}
          <JsonOrText text={call.arguments} />
        </div>
      ))}
    </li>
  );
}
