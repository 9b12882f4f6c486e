// Row shapes of the prompt tables and their conversion to the core model.
import type { LabelEvent, PromptContent, PromptVersion } from '@kaizen/core';

export interface VersionRow {
  readonly name: string;
  readonly version: number;
  readonly hash: string;
  readonly content: string;
  readonly message: string | null;
  readonly author: string | null;
  readonly created_at: string;
}

export interface LabelRow {
  readonly label: string;
  readonly version: number;
  readonly updated_at: string;
}

export interface EventRow {
  readonly name: string;
  readonly label: string;
  readonly kind: 'promote' | 'rollback';
  readonly from_version: number | null;
  readonly to_version: number;
  readonly actor: string | null;
  readonly at: string;
}

export function toPromptVersion(row: VersionRow, labels: readonly string[]): PromptVersion {
  const content = JSON.parse(row.content) as PromptContent;
  return {
    name: row.name,
    version: Number(row.version),
    hash: row.hash,
    template: content.template,
    variables: content.variables,
    outputSchema: content.outputSchema,
    model: content.model,
    params: content.params,
    tools: content.tools,
    examples: content.examples,
    message: row.message,
    author: row.author,
    createdAt: row.created_at,
    labels,
  };
}

export function toLabelEvent(row: EventRow): LabelEvent {
  return {
    name: row.name,
    label: row.label,
    kind: row.kind,
    fromVersion: row.from_version === null ? null : Number(row.from_version),
    toVersion: Number(row.to_version),
    actor: row.actor,
    at: row.at,
  };
}
