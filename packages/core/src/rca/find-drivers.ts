// Driver candidates of one cause: for every feature value, its 2×2 table against the cause's failures and a Fisher p.
import { type EncodedItems, FAILED, PASSED } from './encode-items.js';
import { fisherExact } from './fisher-exact.js';

export interface DriverTest {
  readonly valueId: number;
  readonly support: number;
  readonly failureRateWith: number;
  readonly failureRateWithout: number;
  readonly lift: number;
  readonly pValue: number;
}

/**
 * One pass over items × features counts every value's failures, then one Fisher test per value with enough support
 * on both sides. `causeStatuses[item]` is FAILED, PASSED or NOT_EVALUATED.
 * @example
 * testDrivers(encoded, causeStatuses, 20); // [{ valueId: 4, support: 310, lift: 3.1, pValue: 1e-40, … }, …]
 */
export function testDrivers(encoded: EncodedItems, causeStatuses: Int8Array, minSupport: number): DriverTest[] {
  const { itemCount, codes, values } = encoded;
  const featureCount = encoded.featureNames.length;
  const withCount = new Int32Array(values.length);
  const withFailed = new Int32Array(values.length);
  let evaluated = 0;
  let failed = 0;
  for (let item = 0; item < itemCount; item += 1) {
    const status = causeStatuses[item];
    if (status !== FAILED && status !== PASSED) continue;
    evaluated += 1;
    const isFailed = status === FAILED ? 1 : 0;
    failed += isFailed;
    const offset = item * featureCount;
    for (let feature = 0; feature < featureCount; feature += 1) {
      const id = codes[offset + feature] as number;
      if (id < 0) continue;
      withCount[id] = (withCount[id] as number) + 1;
      withFailed[id] = (withFailed[id] as number) + isFailed;
    }
  }
  if (evaluated === 0 || failed === 0) return [];
  const overall = failed / evaluated;
  const tests: DriverTest[] = [];
  for (let id = 0; id < values.length; id += 1) {
    const support = withCount[id] as number;
    const failedWith = withFailed[id] as number;
    const without = evaluated - support;
    if (support < minSupport || without === 0) continue;
    const failedWithout = failed - failedWith;
    const failureRateWith = failedWith / support;
    tests.push({
      valueId: id,
      support,
      failureRateWith,
      failureRateWithout: failedWithout / without,
      lift: failureRateWith / overall,
      pValue: fisherExact(failedWith, support - failedWith, failedWithout, without - failedWithout),
    });
  }
  return tests;
}
