// pg-boss job ids are UUIDs: a stable string key becomes a stable UUID (the shape of a version-5, name-based one).
import { createHash } from 'node:crypto';

/**
 * @example
 * jobIdFor('run_1:slice:2') === jobIdFor('run_1:slice:2'); // true, and a UUID Postgres accepts
 */
export function jobIdFor(key: string): string {
  const bytes = createHash('sha256').update(`kaizen-job\u0000${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
