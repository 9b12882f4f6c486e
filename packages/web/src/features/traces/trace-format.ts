// Formatters of the trace views: durations and token counts.

/** 0.42 → "0.42 ms", 840 → "840 ms", 12_300 → "12.3 s", 192_000 → "3m 12s"; null → "–". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m ${Math.round((ms % 60_000) / 1000)}s`;
}

/** 12345 → "12,345"; null → "–". */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toLocaleString('en-US');
}

/** "in → out" tokens with the total when both are known. */
export function tokens(input: number | null, output: number | null, total: number | null): string {
  if (input === null && output === null) return count(total);
  return `${count(total ?? (input ?? 0) + (output ?? 0))} (${count(input)} → ${count(output)})`;
}
