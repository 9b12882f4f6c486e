// A dataset input or expected answer as text: chat messages under their roles, anything else as indented JSON.
import { JsonOrText } from '../../components/text-blocks';

function isMessages(value: unknown): value is readonly { readonly role: string; readonly content: unknown }[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry) => typeof entry === 'object' && entry !== null && 'role' in entry && 'content' in entry)
  );
}

/** Text for a value: a string stays as it is; messages become `### role` blocks; the rest is JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isMessages(value)) {
    return value
      .map(
        (message) =>
          `### ${message.role}\n${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`,
      )
      .join('\n');
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}

export function ItemText(props: { readonly value: unknown; readonly testId?: string }) {
  return <JsonOrText text={valueText(props.value)} {...(props.testId !== undefined ? { testId: props.testId } : {})} />;
}
