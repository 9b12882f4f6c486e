// The prompt model: immutable numbered versions whose content is a template plus model settings.

/** One message of a chat template; `content` may hold `{{variables}}`. */
export interface ChatTemplateMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A tool the prompt offers the model; its description is an editable part of the prompt. */
export interface PromptTool {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments. */
  readonly parameters?: Readonly<Record<string, unknown>> | undefined;
}

/** A few-shot demonstration: input variables and the output the model should give. */
export interface PromptExample {
  readonly input: Readonly<Record<string, unknown>>;
  readonly output: string;
}

/** What a version holds. Two versions with the same content have the same hash. */
export interface PromptContent {
  /** A single text template, or chat messages. */
  readonly template: string | readonly ChatTemplateMessage[];
  /** Declared input variables (those used by the template, plus any the caller declares). */
  readonly variables: readonly string[];
  /** JSON Schema the output must satisfy, when the prompt asks for structured output. */
  readonly outputSchema: Readonly<Record<string, unknown>> | null;
  /** `provider:model`, e.g. `openai:gpt-4o-mini`, `sim:schemaorg`. */
  readonly model: string | null;
  /** Model parameters: temperature, maxOutputTokens, … */
  readonly params: Readonly<Record<string, unknown>>;
  readonly tools: readonly PromptTool[];
  readonly examples: readonly PromptExample[];
}

export interface PromptVersion extends PromptContent {
  readonly name: string;
  /** 1, 2, 3, … per prompt name. */
  readonly version: number;
  /** sha256 of the canonical content (see canonicalPromptContent). */
  readonly hash: string;
  readonly message: string | null;
  readonly author: string | null;
  readonly createdAt: string;
  /** Labels (environments) currently pointing at this version. */
  readonly labels: readonly string[];
}

/** A label move: promote, rollback, or first assignment. */
export interface LabelEvent {
  readonly name: string;
  readonly label: string;
  /** `promote` points the label at a chosen version; `rollback` returns it to the one before its last promote. */
  readonly kind: 'promote' | 'rollback';
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly actor: string | null;
  readonly at: string;
}

export const PROMPT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
