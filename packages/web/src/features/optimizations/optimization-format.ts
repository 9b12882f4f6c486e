// Formatters of the optimization pages: scores, pass-rate changes, p-values, spend.
import { fixed, usd } from '../../components/status';
import type { OptimizationSpend } from './optimization-types';

/** A mean item score in 0..1 with three decimals. */
export function score(value: number | null | undefined): string {
  return fixed(value, 3);
}

/** A change of pass rate in percentage points: 0.1667 → "+16.7 pp". */
export function deltaPoints(before: number | null, after: number | null): string {
  if (before === null || after === null) return '–';
  const points = (after - before) * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)} pp`;
}

export function pValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value < 0.001 ? 'p < 0.001' : `p = ${value.toFixed(3)}`;
}

/** 21749 → "21.7k". */
export function count(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)}k`;
  return String(value);
}

export function money(value: number): string {
  return value === 0 ? '$0' : usd(value);
}

/** "60 evals · 68 calls (66 paid) · $0". */
export function spendSummary(spend: OptimizationSpend): string {
  const paid = spend.paidCalls === spend.calls ? '' : ` (${spend.paidCalls} paid)`;
  return `${spend.candidateEvals} evals · ${spend.calls} calls${paid} · ${money(spend.costUsd)}`;
}
