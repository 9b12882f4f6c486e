// One named figure in a row of facts (a <dt>/<dd> pair).
export function Fact(props: { readonly name: string; readonly value: string; readonly testId?: string }) {
  return (
    <div>
      <dt className="muted" style={{ fontSize: 12 }}>
        {props.name}
      </dt>
      <dd style={{ margin: 0 }} data-testid={props.testId}>
        {props.value}
      </dd>
    </div>
  );
}
