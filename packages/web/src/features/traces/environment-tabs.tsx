// The environment switcher: "All" and one button per known environment (the usual ones and any seen so far).
import { navigate, useLocation, withQuery } from '../../app/router';
import { withFilters } from './trace-filters';

const USUAL = ['production', 'staging', 'shadow'];
/** Environments seen on any page of this visit, so a switch away does not make the others disappear. */
const seen = new Set<string>(USUAL);

export function EnvironmentTabs(props: { readonly current: string | undefined; readonly found: readonly string[] }) {
  const location = useLocation();
  for (const environment of props.found) seen.add(environment);
  if (props.current !== undefined) seen.add(props.current);
  const choose = (environment: string | null) => navigate(withQuery(location, withFilters({ environment })));
  return (
    <fieldset className="env-tabs" aria-label="Environment" data-testid="environment-tabs">
      <button type="button" aria-pressed={props.current === undefined} onClick={() => choose(null)}>
        All
      </button>
      {[...seen].map((environment) => (
        <button
          key={environment}
          type="button"
          aria-pressed={props.current === environment}
          onClick={() => choose(environment)}
        >
          {environment}
        </button>
      ))}
    </fieldset>
  );
}
