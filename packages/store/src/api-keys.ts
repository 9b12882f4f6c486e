// Project API keys: generated here, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';

export interface GeneratedApiKey {
  /** The secret: show it once, never store it. */
  readonly key: string;
  /** Safe to show and store, to recognise a key in lists (`kz_AbCdEfG`). */
  readonly prefix: string;
  /** What the store keeps and looks keys up by. */
  readonly hash: string;
}

/**
 * A key carries 256 random bits, so no one can guess it from its hash: a slow password hash (bcrypt, argon2) would
 * add nothing but milliseconds to every request, and an unsalted hash can be looked up by an index.
 *
 * @example
 * const { key, prefix, hash } = generateApiKey(); // key: 'kz_' + 43 base64url characters
 * await store.createApiKey(project.id, hash, prefix);
 */
export function generateApiKey(): GeneratedApiKey {
  const key = `kz_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

/**
 * @example
 * const project = await store.findProjectByKeyHash(hashApiKey(bearerToken));
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
