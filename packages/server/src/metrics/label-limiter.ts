// Bounds label cardinality: each label of a metric family admits its first N distinct values; later ones read `other`.
import { Counter, type Registry } from 'prom-client';

/** What a label value becomes once its label has admitted `maxValuesPerLabel` distinct values. */
export const OVERFLOW_LABEL_VALUE = 'other';

export interface LabelLimiterOptions {
  /** Distinct values one label of one family keeps. Default 50. */
  readonly maxValuesPerLabel?: number;
  /** Longer values are cut to this many characters, so one odd prompt name cannot bloat every scrape. Default 120. */
  readonly maxValueLength?: number;
}

export interface LabelLimiter {
  /**
   * The value to export for `label` of the metric family `family` (null → "", Prometheus's absent label). A value
   * admitted once stays admitted: a counter's series must never change name while the process lives.
   */
  value(family: string, label: string, value: string | null): string;
}

export const DEFAULT_MAX_LABEL_VALUES = 50;

/**
 * @example
 * const limiter = createLabelLimiter(registry, { maxValuesPerLabel: 2 });
 * limiter.value('llm', 'model', 'a'); limiter.value('llm', 'model', 'b'); // 'a', 'b'
 * limiter.value('llm', 'model', 'c'); // 'other'
 */
export function createLabelLimiter(registry: Registry, options: LabelLimiterOptions = {}): LabelLimiter {
  const maxValues = options.maxValuesPerLabel ?? DEFAULT_MAX_LABEL_VALUES;
  const maxLength = options.maxValueLength ?? 120;
  const admitted = new Map<string, Set<string>>();
  const overflow = new Counter({
    name: 'kaizen_metrics_label_overflow_total',
    help: 'Label values exported as "other" because their label already had its maximum of distinct values',
    labelNames: ['family', 'label'],
    registers: [registry],
  });

  return {
    value(family, label, value) {
      if (value === null || value === '' || value === OVERFLOW_LABEL_VALUE) return value ?? '';
      const text = value.length > maxLength ? value.slice(0, maxLength) : value;
      const key = `${family}\u0000${label}`;
      let values = admitted.get(key);
      if (values === undefined) {
        values = new Set();
        admitted.set(key, values);
      }
      if (values.has(text)) return text;
      if (values.size < maxValues) {
        values.add(text);
        return text;
      }
      // Family and label names are the code's own, so this counter's cardinality is fixed.
      overflow.inc({ family, label });
      return OVERFLOW_LABEL_VALUE;
    },
  };
}
