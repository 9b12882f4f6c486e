// Finds the API key in a request: Bearer token, x-kaizen-api-key, or the password of HTTP Basic (Langfuse clients).
import type { IncomingHttpHeaders } from 'node:http';

/** Returns the key as sent, or null when the request carries none. */
export function extractApiKey(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-kaizen-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  return apiKeyFromAuthorization(headers.authorization);
}

export function apiKeyFromAuthorization(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const space = authorization.indexOf(' ');
  if (space < 0) return null;
  const scheme = authorization.slice(0, space).toLowerCase();
  const value = authorization.slice(space + 1).trim();
  if (value === '') return null;
  if (scheme === 'bearer') return value;
  if (scheme === 'basic') {
    // Langfuse SDKs send base64(publicKey:secretKey): the secret (password) is the Kaizen key. A client that
    // puts the key in the user name and leaves the password empty is accepted too.
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const password = decoded.slice(colon + 1);
    const user = decoded.slice(0, colon);
    const key = password !== '' ? password : user;
    return key === '' ? null : key;
  }
  return null;
}
