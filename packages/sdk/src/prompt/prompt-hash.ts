// The content hash of a prompt, computed as the registry computes it, so code and server versions can be compared.
import { canonicalPromptContent, type PromptContent } from '@kaizen/core';

/**
 * sha256 (hex) of the canonical content. WebCrypto, so it runs wherever `fetch` does (Node ≥ 20, edge runtimes).
 *
 * @example
 * await hashPromptContent(createPromptContent({ template: 'Hi {{name}}' })); // '5f1c…' (64 hex characters)
 */
export async function hashPromptContent(content: PromptContent): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalPromptContent(content));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
