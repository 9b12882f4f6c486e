// The "Examples:" block every command's --help ends with (after an optional note), in one format.

/**
 * Help text for `command.addHelpText('after', …)`.
 *
 * @example
 * command.addHelpText('after', examples(['kaizen traces list --json'], 'Pages: pass --cursor from the last page.'));
 */
export function examples(lines: readonly string[], note?: string): string {
  const block = `Examples:\n${lines.map((line) => `  ${line}`).join('\n')}`;
  return note === undefined ? `\n${block}` : `\n${note}\n\n${block}`;
}
