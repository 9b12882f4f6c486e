// Text rendering of prompt versions and diffs for the terminal.
import type { PromptVersion } from '@kaizen/core';
import type { PromptVersionDiff } from '@kaizen/sdk';

export function formatPromptVersion(version: PromptVersion): string {
  const lines = [
    `${version.name} version ${version.version}${version.labels.length > 0 ? ` [${version.labels.join(', ')}]` : ''}`,
    `hash ${version.hash}  created ${version.createdAt}${version.author !== null ? ` by ${version.author}` : ''}`,
  ];
  if (version.message !== null) lines.push(`message: ${version.message}`);
  lines.push(`model: ${version.model ?? '-'}  params: ${JSON.stringify(version.params)}`);
  lines.push(`variables: ${version.variables.join(', ') || '-'}`);
  lines.push('');
  if (typeof version.template === 'string') lines.push(version.template);
  else for (const message of version.template) lines.push(`### ${message.role}`, message.content);
  if (version.outputSchema !== null) lines.push('', `output schema: ${JSON.stringify(version.outputSchema)}`);
  return lines.join('\n');
}

export function formatPromptDiff(diff: PromptVersionDiff): string {
  const parts = [diff.unified === '' ? '(template unchanged)' : diff.unified.trimEnd()];
  for (const change of diff.changes) {
    parts.push(`${change.field}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
  }
  return parts.join('\n');
}
