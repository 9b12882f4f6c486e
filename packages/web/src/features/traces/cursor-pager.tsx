// Previous / Next over the server's keyset cursors; the cursors walked through are kept in the address bar.
import { navigate, useLocation, withQuery } from '../../app/router';
import { type ListPosition, nextPage, previousPage } from './trace-filters';

export function CursorPager(props: {
  readonly position: ListPosition;
  readonly nextCursor: string | null;
  readonly shown: number;
}) {
  const location = useLocation();
  const { position, nextCursor } = props;
  return (
    <nav className="pager" aria-label="Pages" data-testid="trace-pager">
      <button
        type="button"
        disabled={position.cursor === null}
        onClick={() => navigate(withQuery(location, previousPage(position)))}
      >
        Previous
      </button>
      <span className="muted" data-testid="page-number">
        Page {position.page} · {props.shown} shown
      </span>
      <button
        type="button"
        disabled={nextCursor === null}
        onClick={() => nextCursor !== null && navigate(withQuery(location, nextPage(position, nextCursor)))}
      >
        Next
      </button>
    </nav>
  );
}
