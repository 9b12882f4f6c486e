// Previous / next buttons with where the page is ("51–100 of 4,000").
export function Pager(props: {
  readonly label: string;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly busy?: boolean;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
}) {
  return (
    <div className="pager" data-testid="pager">
      <button type="button" disabled={!props.hasPrevious || props.busy === true} onClick={props.onPrevious}>
        Previous
      </button>
      <span className="muted">{props.label}</span>
      <button type="button" disabled={!props.hasNext || props.busy === true} onClick={props.onNext}>
        Next
      </button>
    </div>
  );
}
