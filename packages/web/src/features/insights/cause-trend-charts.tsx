// A cause's failure rate over time (by day) and across prompt versions.
import type { CauseTrend } from '@kaizen/core';
import { Chart } from '../../components/chart';
import { percent } from '../../components/status';

/** Versions in numeric order when they are numbers, else as given; x is the position, labelled with the version. */
function versionPoints(byVersion: CauseTrend['byPromptVersion']) {
  const numeric = byVersion.every((entry) => /^\d+$/.test(entry.version));
  const ordered = numeric ? [...byVersion].sort((a, b) => Number(a.version) - Number(b.version)) : byVersion;
  return ordered.map((entry, index) => ({
    x: index,
    y: entry.failureRate,
    label: `${entry.version === '' ? '(none)' : `v${entry.version}`}: ${percent(entry.failureRate)} of ${entry.n}`,
    version: entry.version,
  }));
}

export function CauseTrendCharts(props: { readonly trend: CauseTrend; readonly rank: number }) {
  const days = props.trend.byDay.map((entry) => ({
    x: Date.parse(entry.day),
    y: entry.failureRate,
    label: `${entry.day.slice(0, 10)}: ${percent(entry.failureRate)} of ${entry.n}`,
  }));
  const versions = versionPoints(props.trend.byPromptVersion);
  const versionAt = (x: number) => {
    const version = versions[Math.round(x)]?.version;
    return version === undefined ? '' : version === '' ? '(none)' : `v${version}`;
  };
  return (
    <div className="grid-2">
      <Chart
        title="Failure rate by day"
        testId={`cause-${props.rank}-trend-day`}
        series={[{ name: 'failure rate', points: days }]}
        xFormat={(x) => new Date(x).toISOString().slice(5, 10)}
        yFormat={(y) => percent(y, 0)}
        yMin={0}
        yMax={1}
      />
      <Chart
        title="Failure rate by prompt version"
        testId={`cause-${props.rank}-trend-version`}
        series={[{ name: 'failure rate', points: versions }]}
        mode={versions.length > 1 ? 'lines' : 'points'}
        xFormat={versionAt}
        yFormat={(y) => percent(y, 0)}
        yMin={0}
        yMax={1}
      />
    </div>
  );
}
