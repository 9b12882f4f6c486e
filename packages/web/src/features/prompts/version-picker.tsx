// Two selects that pick the versions to diff; either order is allowed (an older "to" shows the change reversed).
export function VersionPicker(props: {
  readonly versions: readonly number[];
  readonly from: number;
  readonly to: number;
  readonly onChange: (next: { readonly from: number; readonly to: number }) => void;
}) {
  const options = props.versions.map((version) => (
    <option key={version} value={version}>
      v{version}
    </option>
  ));
  return (
    <div className="filters">
      <label>
        From version
        <select
          aria-label="From version"
          value={props.from}
          onChange={(event) => props.onChange({ from: Number(event.target.value), to: props.to })}
        >
          {options}
        </select>
      </label>
      <label>
        To version
        <select
          aria-label="To version"
          value={props.to}
          onChange={(event) => props.onChange({ from: props.from, to: Number(event.target.value) })}
        >
          {options}
        </select>
      </label>
      <button type="button" onClick={() => props.onChange({ from: props.to, to: props.from })}>
        Swap
      </button>
    </div>
  );
}
