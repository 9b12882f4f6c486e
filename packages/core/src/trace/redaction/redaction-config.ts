// What `redaction` in kaizen.config.ts (and startServer's option) may say: which detectors run, custom patterns, keys to drop.

/** The built-in detectors. Each replaces what it finds with `[REDACTED:<type>]` (see DETECTOR_TYPES). */
export const DETECTOR_NAMES = ['secrets', 'bearer', 'email', 'card', 'phone'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** The placeholder type of each detector, as it appears in `[REDACTED:<type>]` and in the per-batch counts. */
export const DETECTOR_TYPES = {
  secrets: 'secret',
  bearer: 'bearer',
  email: 'email',
  card: 'card',
  phone: 'phone',
} as const satisfies Record<DetectorName, string>;

/**
 * Detectors on when the config does not name them: everything but phone numbers, whose shapes overlap with ids,
 * dates and amounts in ordinary text (docs/architecture/redaction.md).
 */
export const DEFAULT_DETECTORS = {
  secrets: true,
  bearer: true,
  email: true,
  card: true,
  phone: false,
} as const satisfies Record<DetectorName, boolean>;

/** A pattern of your own, applied to every stored string before the built-in detectors. */
export interface CustomRedactionPattern {
  /** Names the placeholder (`[REDACTED:<name>]`) and the count: letters, digits, `_`, `.`, `-`. */
  readonly name: string;
  /**
   * A RegExp, or its source as a string (with `flags`). Matched globally. Keep it linear: no nested quantifiers
   * such as `(a+)+`, which backtrack exponentially on hostile input.
   */
  readonly pattern: string | RegExp;
  /** Flags for a string `pattern` (`i`, `m`, `s`, `u`); `g` is always added. Ignored for a RegExp. */
  readonly flags?: string;
  /** Literal text put in place of each match (no `$1` expansion: use lookarounds to keep context). */
  readonly replacement?: string;
}

/**
 * Redaction at ingest: applied to every stored string of a span before it is written (names, status and exception
 * messages, input and output messages and tool arguments, attribute values at any depth, resource and event
 * attributes).
 *
 * @example
 * // kaizen.config.ts
 * export default defineConfig({
 *   redaction: {
 *     detectors: { phone: true },
 *     patterns: [{ name: 'customer_id', pattern: /\bCUST-\d{6}\b/ }],
 *     attributes: { dropKeys: ['user.address', 'http.request.header.*'] },
 *   },
 * });
 */
export interface RedactionConfig {
  /** Default true; false stores everything as received. */
  readonly enabled?: boolean;
  /** Turns built-in detectors on or off; unnamed ones keep DEFAULT_DETECTORS. */
  readonly detectors?: Readonly<Partial<Record<DetectorName, boolean>>>;
  readonly patterns?: readonly CustomRedactionPattern[];
  readonly attributes?: {
    /**
     * Attributes removed entirely, matched against the key at every depth (span, resource and event attributes,
     * nested objects), case-insensitively; `*` matches any characters (`http.request.header.*`).
     */
    readonly dropKeys?: readonly string[];
  };
}
