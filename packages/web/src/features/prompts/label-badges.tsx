// Where a prompt's labels point, as `production → v3` badges sorted by label.
import { Badge } from '../../components/status';

export function LabelBadges(props: { readonly labels: Readonly<Record<string, number>> }) {
  const entries = Object.entries(props.labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="muted">none</span>;
  return (
    <span className="badges">
      {entries.map(([label, version]) => (
        <Badge key={label} tone={label === 'production' ? 'good' : 'neutral'}>
          {label} → v{version}
        </Badge>
      ))}
    </span>
  );
}
