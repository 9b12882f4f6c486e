// Number formats of the report: lifts, q-values, drivers as "feature = value".
import type { Driver } from '@kaizen/core';

/** 2.314 → "×2.31". */
export function lift(value: number): string {
  return Number.isFinite(value) ? `×${value.toFixed(2)}` : '×∞';
}

/** Small q-values in scientific notation, so 1e-12 and 0.04 read differently. */
export function qValue(value: number): string {
  return value < 0.001 ? value.toExponential(1) : value.toFixed(3);
}

export function driverText(driver: Pick<Driver, 'feature' | 'value'>): string {
  return `${driver.feature} = ${driver.value}`;
}
