// Flattens an AI SDK prompt into plain role + text messages, the only view of a prompt the tasks get.
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';

export interface PromptMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly text: string;
}

function fileText(data: unknown, mediaType: string): string {
  // Text files (an HTML page attached as a file part) are content; binary files are invisible to the simulator.
  if (!mediaType.startsWith('text/')) return '';
  if (data instanceof Uint8Array) return new TextDecoder().decode(data);
  if (typeof data === 'string') return Buffer.from(data, 'base64').toString('utf8');
  return '';
}

/**
 * @example
 * toPromptMessages([{ role: 'system', content: 'Return JSON only.' }]); // [{ role: 'system', text: 'Return JSON only.' }]
 */
export function toPromptMessages(prompt: LanguageModelV3Prompt): PromptMessage[] {
  return prompt.map((message) => {
    if (message.role === 'system') return { role: 'system', text: message.content };
    const texts = message.content.map((part) => {
      if (part.type === 'text' || part.type === 'reasoning') return part.text;
      if (part.type === 'file') return fileText(part.data, part.mediaType);
      return '';
    });
    return { role: message.role, text: texts.filter((text) => text.length > 0).join('\n') };
  });
}
