// What live mode is doing: the count of traces that arrived since the page loaded, or why it is paused.
import { navigate, useLocation, withQuery } from '../../app/router';

export function LiveNotice(props: {
  readonly live: boolean;
  readonly firstPage: boolean;
  readonly count: number;
  readonly overflow: boolean;
  readonly onShowLatest: () => void;
}) {
  const location = useLocation();
  if (!props.live) return null;
  if (!props.firstPage) {
    return (
      <p className="muted live-notice" data-testid="live-notice">
        Live updates show on the first page.{' '}
        <button type="button" onClick={() => navigate(withQuery(location, { cursor: null, back: null, page: null }))}>
          Go to the newest
        </button>
      </p>
    );
  }
  return (
    <p className="muted live-notice" role="status" data-testid="live-notice">
      {props.count === 0
        ? 'Live: new traces appear at the top.'
        : `${props.count} new trace${props.count === 1 ? '' : 's'}`}
      {props.overflow ? (
        <>
          {' · more than a page arrived '}
          <button type="button" onClick={props.onShowLatest}>
            Show latest
          </button>
        </>
      ) : null}
    </p>
  );
}
