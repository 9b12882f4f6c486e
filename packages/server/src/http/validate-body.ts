// Reads and validates a JSON request body with a zod schema: a clear 400 naming each bad field, never a 500.
import { KaizenError } from '@kaizen/core';
import type { Context } from 'hono';
import type { z } from 'zod';

/** API bodies are small JSON documents; anything bigger is a mistake or an attack. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

export async function readJsonBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.infer<Schema>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new KaizenError(
      'unsupported_media_type',
      `expected "Content-Type: application/json", got "${type.slice(0, 80)}"`,
    );
  }
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_API_BODY_BYTES)
    throw new KaizenError('payload_too_large', `body over ${MAX_API_BODY_BYTES} bytes`);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_API_BODY_BYTES) {
    throw new KaizenError('payload_too_large', `body over ${MAX_API_BODY_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = text === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new KaizenError('invalid_input', `body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`);
    throw new KaizenError('invalid_input', problems.join('; '));
  }
  return parsed.data;
}
