// Untrusted text shown as text: model outputs, messages, prompts. JSON is pretty-printed; nothing becomes markup.

/** Pretty-prints JSON when the text parses as JSON, else shows it as it is. */
export function JsonOrText(props: { readonly text: string | null | undefined; readonly testId?: string }) {
  const text = props.text ?? '';
  let shown = text;
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) shown = JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    shown = text;
  }
  return (
    <pre className="block" data-testid={props.testId}>
      {shown}
    </pre>
  );
}

/** Any value as indented JSON. */
export function JsonBlock(props: { readonly value: unknown }) {
  return <pre className="block">{JSON.stringify(props.value, null, 2)}</pre>;
}
