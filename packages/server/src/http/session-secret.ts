// Picks the key that signs web sessions: the startServer option, else KAIZEN_SESSION_SECRET, else random per process.
import { randomBytes } from 'node:crypto';

export const SESSION_SECRET_ENV = 'KAIZEN_SESSION_SECRET';

/** Shorter secrets still work, with a notice: 32 characters of `openssl rand -base64 32` are far out of reach. */
const RECOMMENDED_SECRET_LENGTH = 32;

export interface SessionSecret {
  readonly secret: string | Buffer;
  /** A line for the log, or null: the server writes it at the first sign-in, when sessions start to matter. */
  readonly notice: string | null;
}

/**
 * @example
 * const { secret, notice } = resolveSessionSecret(options.sessionSecret, process.env);
 */
export function resolveSessionSecret(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): SessionSecret {
  const fromEnv = env[SESSION_SECRET_ENV];
  const configured =
    option !== undefined && option !== '' ? option : fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
  if (configured === null) {
    return {
      secret: randomBytes(32),
      notice:
        'web sessions are signed with a random key: they end when the server restarts, and several servers ' +
        `behind one address need the same ${SESSION_SECRET_ENV}`,
    };
  }
  const short = configured.length < RECOMMENDED_SECRET_LENGTH;
  return {
    secret: configured,
    notice: short
      ? `the web session secret is shorter than ${RECOMMENDED_SECRET_LENGTH} characters: use a longer random one`
      : null,
  };
}
