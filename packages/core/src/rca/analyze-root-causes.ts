// Root-cause analysis over scored items: failure modes, co-failure clusters, significant drivers, evidence, trends.
import { benjaminiHochberg } from './benjamini-hochberg.js';
import { causeTrend } from './cause-trend.js';
import { findCoFailureClusters } from './co-failure-clusters.js';
import { encodeItems, FAILED, NOT_EVALUATED, PASSED } from './encode-items.js';
import { rankFailureModes } from './failure-modes.js';
import { type DriverTest, testDrivers } from './find-drivers.js';
import type { Driver, RcaInput, RcaReport, RootCause } from './rca-types.js';
import { selectEvidence } from './select-evidence.js';

/**
 * Pure and deterministic: the same input gives the same report. Each co-failure cluster is one cause, every other
 * criterion that failed at least once is its own. Drivers are feature values whose presence raises the cause's
 * failure rate: Fisher exact (two-sided), Benjamini–Hochberg across every test of the report, kept when q < alpha,
 * support ≥ minSupport and lift > 1, ranked by p-value then lift.
 * @example
 * const report = analyzeRootCauses({ items, criteria: [{ id: 'json', weight: 1 }] });
 * report.causes[0]?.drivers[0]; // { feature: 'language', value: 'de', lift: 3.2, support: 480, qValue: 1e-30, … }
 */
export function analyzeRootCauses(input: RcaInput): RcaReport {
  const { items, criteria } = input;
  const minSupport = input.options?.minSupport ?? 20;
  const alpha = input.options?.alpha ?? 0.05;
  const maxDrivers = input.options?.maxDrivers ?? 10;
  const evidencePerCause = input.options?.evidencePerCause ?? 5;
  const encoded = encodeItems(items, criteria);
  const failureModes = rankFailureModes(encoded, criteria);
  const clusters = findCoFailureClusters(encoded, criteria, { minSupport });

  const indexOf = new Map(criteria.map((criterion, index) => [criterion.id, index]));
  const clustered = new Set(clusters.flatMap((cluster) => cluster.criteria));
  const groups: string[][] = [
    ...clusters.map((cluster) => [...cluster.criteria]),
    ...failureModes
      .filter((mode) => mode.failures > 0 && !clustered.has(mode.criterionId))
      .map((mode) => [mode.criterionId]),
  ];
  const shareOf = new Map(failureModes.map((mode) => [mode.criterionId, mode.lostScoreShare]));
  const { itemCount, statuses } = encoded;

  const prepared = groups.map((group) => {
    // An item fails the cause when any of its criteria failed, passes when none failed and one passed.
    const causeStatuses = new Int8Array(itemCount).fill(NOT_EVALUATED);
    let failed = 0;
    let evaluated = 0;
    for (const id of group) {
      const offset = (indexOf.get(id) ?? 0) * itemCount;
      for (let item = 0; item < itemCount; item += 1) {
        const status = statuses[offset + item];
        if (status === FAILED) causeStatuses[item] = FAILED;
        else if (status === PASSED && causeStatuses[item] === NOT_EVALUATED) causeStatuses[item] = PASSED;
      }
    }
    for (let item = 0; item < itemCount; item += 1) {
      if (causeStatuses[item] === FAILED) failed += 1;
      if (causeStatuses[item] !== NOT_EVALUATED) evaluated += 1;
    }
    return {
      group,
      causeStatuses,
      failureRate: evaluated === 0 ? 0 : failed / evaluated,
      lostScoreShare: group.reduce((sum, id) => sum + (shareOf.get(id) ?? 0), 0),
      tests: testDrivers(encoded, causeStatuses, minSupport),
    };
  });

  const allTests: DriverTest[] = prepared.flatMap((cause) => cause.tests);
  const qValues = benjaminiHochberg(allTests.map((test) => test.pValue));
  let offset = 0;
  const causes: RootCause[] = prepared.map((cause) => {
    const drivers: (Driver & { readonly valueId: number })[] = [];
    cause.tests.forEach((test, index) => {
      const qValue = qValues[offset + index] ?? 1;
      if (qValue >= alpha || test.lift <= 1 || test.support < minSupport) return;
      const value = encoded.values[test.valueId];
      if (value === undefined) return;
      drivers.push({
        valueId: test.valueId,
        feature: encoded.featureNames[value.feature] ?? '',
        value: value.value,
        lift: test.lift,
        support: test.support,
        failureRateWith: test.failureRateWith,
        failureRateWithout: test.failureRateWithout,
        pValue: test.pValue,
        qValue,
      });
    });
    offset += cause.tests.length;
    drivers.sort(
      (left, right) =>
        left.pValue - right.pValue ||
        right.lift - left.lift ||
        (left.feature + left.value < right.feature + right.value ? -1 : 1),
    );
    const top = drivers.slice(0, maxDrivers);
    const driverIds = new Set(top.map((driver) => driver.valueId));
    const kept: Driver[] = top.map(({ valueId: _valueId, ...driver }) => driver);
    return {
      id: `cause:${[...cause.group].sort().join('+')}`,
      criteria: cause.group,
      failureRate: cause.failureRate,
      lostScoreShare: cause.lostScoreShare,
      drivers: kept,
      evidence: selectEvidence(items, encoded, cause.causeStatuses, cause.group, driverIds, evidencePerCause),
      trend: causeTrend(items, cause.causeStatuses),
    };
  });
  causes.sort((left, right) => right.lostScoreShare - left.lostScoreShare || right.failureRate - left.failureRate);
  return {
    failureModes,
    clusters,
    causes,
    totals: {
      items: items.length,
      criteria: criteria.length,
      failures: failureModes.reduce((sum, mode) => sum + mode.failures, 0),
      tests: allTests.length,
      minSupport,
      alpha,
    },
  };
}
