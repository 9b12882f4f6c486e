// Where the SDK reports what it worked around (server down, init called twice): warnings, never exceptions.

/**
 * Anything with a `warn` method: `console`, pino, winston, a test spy.
 *
 * @example
 * init({ url, apiKey, environment: 'production', logger: { warn: (message) => log.warn({ kaizen: true }, message) } });
 */
export interface KaizenLogger {
  warn(message: string): void;
}

/**
 * The default: `console.warn` with a `[kaizen]` prefix, so the line says where it comes from.
 *
 * @example
 * init({ url, apiKey, environment: 'production', logger: consoleLogger });
 */
export const consoleLogger: KaizenLogger = {
  warn: (message) => console.warn(`[kaizen] ${message}`),
};
