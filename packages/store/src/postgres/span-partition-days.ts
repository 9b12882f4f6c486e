// Day arithmetic of the daily `spans` partitions: UTC days of start_time (µs), and the partition names that carry them.

export const DAY_MICROS = 86_400_000_000;
const DAY_MS = 86_400_000;
const NAME = /^spans_d(\d{4})(\d{2})(\d{2})$/;

/** Days since the epoch (UTC) of a time in microseconds. */
export function dayOfMicros(micros: number): number {
  return Math.floor(micros / DAY_MICROS);
}

/** Days since the epoch (UTC) of a time in milliseconds. */
export function dayOfMillis(millis: number): number {
  return Math.floor(millis / DAY_MS);
}

/**
 * The partition of a day, as migration 7 names it.
 *
 * @example
 * partitionName(20_419); // 'spans_d20251201'
 */
export function partitionName(day: number): string {
  const date = new Date(day * DAY_MS).toISOString();
  return `spans_d${date.slice(0, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/** The day a partition name stands for; null for a table that is not one of the daily partitions. */
export function dayOfPartition(name: string): number | null {
  const match = NAME.exec(name);
  if (match === null) return null;
  const [, year, month, day] = match;
  const millis = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return partitionName(dayOfMillis(millis)) === name ? dayOfMillis(millis) : null;
}
