// The dashboard's controls: each change rewrites the URL's query, which is the page's only state.
import { navigate, useLocation, withQuery } from '../../app/router';
import { BUCKETS, type DashboardControls, GROUP_BY_LABELS, GROUP_BYS, RANGES } from './dashboard-controls';

export function DashboardFilters(props: {
  readonly controls: DashboardControls;
  /** The evaluator shown (the URL's, else the first). */
  readonly evaluator: string | null;
  readonly evaluators: readonly string[];
  readonly environments: readonly string[];
  readonly prompts: readonly string[];
  readonly onRefresh: () => void;
}) {
  const location = useLocation();
  const set = (key: string, value: string | null) => navigate(withQuery(location, { [key]: value }));
  const { controls } = props;
  // A filter value from the URL stays selectable even when the range has no trace with it.
  const withCurrent = (values: readonly string[], current: string | null) =>
    current === null || values.includes(current) ? values : [current, ...values];
  return (
    <div className="filters" data-testid="dashboard-filters">
      <fieldset className="dashboard-range">
        <legend>Time range</legend>
        {RANGES.map((range) => (
          <button
            key={range}
            type="button"
            aria-pressed={controls.range === range}
            // The bucket follows the range unless chosen: hours for a day, days beyond.
            onClick={() => navigate(withQuery(location, { range, bucket: null }))}
          >
            {range}
          </button>
        ))}
      </fieldset>
      <label>
        Bucket
        <select value={controls.bucket} onChange={(event) => set('bucket', event.target.value)}>
          {BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {bucket}
            </option>
          ))}
        </select>
      </label>
      <label>
        Group by
        <select
          value={controls.groupBy}
          onChange={(event) => set('groupBy', event.target.value === 'none' ? null : event.target.value)}
        >
          {GROUP_BYS.map((groupBy) => (
            <option key={groupBy} value={groupBy}>
              {GROUP_BY_LABELS[groupBy]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Environment
        <select value={controls.environment ?? ''} onChange={(event) => set('environment', event.target.value)}>
          <option value="">All</option>
          {withCurrent(props.environments, controls.environment).map((environment) => (
            <option key={environment} value={environment}>
              {environment}
            </option>
          ))}
        </select>
      </label>
      <label>
        Prompt
        <select value={controls.promptName ?? ''} onChange={(event) => set('prompt', event.target.value)}>
          <option value="">All</option>
          {withCurrent(props.prompts, controls.promptName).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Evaluator (scores)
        <select value={props.evaluator ?? ''} onChange={(event) => set('evaluator', event.target.value)}>
          {props.evaluator === null ? <option value="">None</option> : null}
          {withCurrent(props.evaluators, props.evaluator).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onRefresh}>
        Refresh
      </button>
    </div>
  );
}
