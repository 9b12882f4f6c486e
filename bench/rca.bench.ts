// Times analyzeRootCauses on 100,000 synthetic scored traces (10 criteria, 20 features, two planted causes). Reference
// in the same run: one bare counting pass over items × features, the floor any driver search must pay.
import { readFileSync } from 'node:fs';
import { analyzeRootCauses, type RcaItem, seededRandom } from '@kaizen/core';

const TRACES = 100_000;
const CRITERIA = Array.from({ length: 10 }, (_, index) => ({ id: `criterion-${index}`, weight: 1 + (index % 3) }));
const CARDINALITIES = [2, 3, 4, 5, 6, 8, 10, 12, 3, 4, 5, 2, 3, 6, 7, 9, 4, 5, 20, 50];
const FEATURES = CARDINALITIES.map((size, index) => ({
  name: index === 0 ? 'language' : index === 1 ? 'promptVersion' : `feature-${index}`,
  values: Array.from({ length: size }, (_, value) => `v${value}`),
}));

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

const random = seededRandom(20_250_101);
const items: RcaItem[] = Array.from({ length: TRACES }, (_, index) => {
  const features: Record<string, string> = {};
  for (const feature of FEATURES)
    features[feature.name] = feature.values[Math.floor(random() * feature.values.length)] as string;
  const results: Record<string, 'passed' | 'failed' | 'skipped'> = {};
  for (const criterion of CRITERIA) {
    const planted =
      (criterion.id === 'criterion-2' && features.language === 'v1') ||
      (criterion.id === 'criterion-5' && features.promptVersion === 'v2');
    const draw = random();
    results[criterion.id] = draw < 0.02 ? 'skipped' : draw < (planted ? 0.4 : 0.1) ? 'failed' : 'passed';
  }
  const day = `2025-01-${String(1 + (index % 28)).padStart(2, '0')}`;
  return {
    traceId: `trace-${index}`,
    startTime: `${day}T00:00:00.000Z`,
    results,
    features,
    excerpts: { output: `output ${index}` },
  };
});

// Reference: count failures of one criterion per feature value with plain object lookups.
const referenceStart = performance.now();
const counts = new Map<string, number>();
for (const item of items) {
  const failed = item.results['criterion-2'] === 'failed' ? 1 : 0;
  for (const name in item.features) {
    const key = `${name}=${item.features[name]}`;
    counts.set(key, (counts.get(key) ?? 0) + failed);
  }
}
const referenceSeconds = (performance.now() - referenceStart) / 1000;

const start = performance.now();
const report = analyzeRootCauses({ items, criteria: CRITERIA });
const seconds = (performance.now() - start) / 1000;
const peak = peakRssMb();

const top = report.causes.map(
  (cause) => `${cause.id}: ${cause.drivers[0] ? `${cause.drivers[0].feature}=${cause.drivers[0].value}` : '—'}`,
);
console.log(`traces ${TRACES}, criteria ${CRITERIA.length}, features ${FEATURES.length}, tests ${report.totals.tests}`);
console.log(top.slice(0, 4).join('\n'));
console.log(
  `analyzeRootCauses ${seconds.toFixed(2)} s; reference one-criterion counting pass ${referenceSeconds.toFixed(2)} s`,
);
console.log(`peak RSS ${peak.toFixed(0)} MB`);
console.log(
  JSON.stringify({
    bench: 'rca',
    traces: TRACES,
    seconds: Number(seconds.toFixed(3)),
    peakRssMb: Number(peak.toFixed(1)),
    referenceSeconds: Number(referenceSeconds.toFixed(3)),
    tests: report.totals.tests,
  }),
);
