// Stateless web-app session tokens: a project claim with an expiry, signed with HMAC-SHA256, checked without the store.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Twelve hours: a working day, after which the browser asks for the key again. */
export const SESSION_TTL_SECONDS = 43_200;

/** What a valid token says. */
export interface SessionClaims {
  readonly projectId: string;
  readonly projectName: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export interface SessionCodec {
  /** A token for the project, valid for SESSION_TTL_SECONDS from now. */
  issue(project: { readonly id: string; readonly name: string }): string;
  /** The token's claims, or null when it is malformed, signed with another secret, tampered with or expired. */
  verify(token: string): SessionClaims | null;
}

export interface SessionCodecOptions {
  readonly secret: string | Buffer;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Far above a real token (a UUID, a project name, a nonce): bounds the work a forged cookie can cause. */
const MAX_TOKEN_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 32;

interface Payload {
  /** Project id. */
  readonly p: string;
  /** Project name, so `GET /api/session` answers without a store method to look a project up by id. */
  readonly name: string;
  /** Expiry, ms since the epoch. */
  readonly e: number;
  /** Random nonce: two sign-ins in the same millisecond still get different tokens. */
  readonly n: string;
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.p === 'string' &&
    record.p !== '' &&
    typeof record.name === 'string' &&
    typeof record.e === 'number' &&
    Number.isFinite(record.e) &&
    typeof record.n === 'string'
  );
}

/**
 * Token: `base64url(JSON {p, name, e, n}).base64url(HMAC-SHA256(secret, first part))`.
 *
 * @example
 * const codec = createSessionCodec({ secret: process.env.KAIZEN_SESSION_SECRET ?? randomBytes(32) });
 * const token = codec.issue(project);
 * codec.verify(token)?.projectId; // project.id
 */
export function createSessionCodec(options: SessionCodecOptions): SessionCodec {
  const ttlMs = options.ttlMs ?? SESSION_TTL_SECONDS * 1000;
  const now = options.now ?? Date.now;
  const sign = (text: string): Buffer => createHmac('sha256', options.secret).update(text).digest();

  return {
    issue(project) {
      const payload: Payload = {
        p: project.id,
        name: project.name,
        e: now() + ttlMs,
        n: randomBytes(12).toString('base64url'),
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${sign(body).toString('base64url')}`;
    },

    verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return null;
      const dot = token.indexOf('.');
      if (dot < 0) return null;
      const body = token.slice(0, dot);
      const signatureText = token.slice(dot + 1);
      if (!BASE64URL.test(body) || !BASE64URL.test(signatureText)) return null;
      const signature = Buffer.from(signatureText, 'base64url');
      // timingSafeEqual throws on different lengths; a wrong length is not a secret worth hiding.
      if (signature.length !== SIGNATURE_BYTES || !timingSafeEqual(signature, sign(body))) return null;
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (!isPayload(payload) || payload.e <= now()) return null;
      return { projectId: payload.p, projectName: payload.name, expiresAt: payload.e };
    },
  };
}
