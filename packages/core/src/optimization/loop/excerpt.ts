// Shortens long texts for prompts and reports: the start and the end are kept, the middle is cut.

/**
 * @example
 * excerpt('a'.repeat(5000), 100).length; // ≤ 100 + the marker
 */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil(max * 0.6);
  const tail = max - head;
  return `${text.slice(0, head)} […${text.length - max} characters cut…] ${text.slice(text.length - tail)}`;
}

/** An item input as text: variables as JSON, messages as `role: content` lines. */
export function inputText(input: unknown): string {
  if (Array.isArray(input)) {
    return input
      .map((message) => {
        const record = message as { role?: unknown; content?: unknown };
        return `${String(record.role)}: ${typeof record.content === 'string' ? record.content : JSON.stringify(record.content)}`;
      })
      .join('\n');
  }
  if (typeof input === 'object' && input !== null) {
    const entries = Object.entries(input as Record<string, unknown>);
    if (entries.length === 1) {
      const only = entries[0]?.[1];
      if (typeof only === 'string') return only;
    }
  }
  return JSON.stringify(input) ?? '';
}
