// SVG charts without a library: time series as lines (with release markers) and points (e.g. a Pareto front).

export interface ChartPoint {
  readonly x: number;
  readonly y: number | null;
  /** Shown on hover (a <title>, plain text). */
  readonly label?: string;
  readonly highlight?: boolean;
}

export interface ChartSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
}

export interface ChartMarker {
  readonly x: number;
  readonly label: string;
}

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4d7c0f', '#be185d'];
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 52, right: 12, top: 12, bottom: 28 };

function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  return [low, high];
}

/**
 * @example
 * <Chart title="Score" series={[{ name: 'v3', points }]} markers={[{ x: Date.parse(at), label: 'production → v3' }]}
 *   xFormat={(x) => new Date(x).toISOString().slice(5, 10)} yFormat={(y) => y.toFixed(2)} />
 */
export function Chart(props: {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly markers?: readonly ChartMarker[];
  readonly mode?: 'lines' | 'points';
  readonly xFormat?: (x: number) => string;
  readonly yFormat?: (y: number) => string;
  readonly xLabel?: string;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly testId?: string;
}) {
  const mode = props.mode ?? 'lines';
  const xs = props.series.flatMap((series) => series.points.map((point) => point.x));
  const ys = props.series.flatMap((series) => series.points.flatMap((point) => (point.y === null ? [] : [point.y])));
  const [x0, x1] = extent([...xs, ...(props.markers ?? []).map((marker) => marker.x)]);
  const [yLow, yHigh] = extent(ys);
  const y0 = props.yMin ?? yLow;
  const y1 = props.yMax ?? yHigh;
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const xFormat = props.xFormat ?? ((x: number) => String(Math.round(x)));
  const yFormat = props.yFormat ?? ((y: number) => y.toFixed(2));
  const ticks = [0, 0.5, 1].map((t) => y0 + t * (y1 - y0));
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      {xs.length === 0 ? (
        <p className="muted">No data in this range.</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(tick)} y2={sy(tick)} className="grid" />
              <text x={PAD.left - 6} y={sy(tick) + 4} textAnchor="end" className="axis">
                {yFormat(tick)}
              </text>
            </g>
          ))}
          <text x={PAD.left} y={HEIGHT - 8} className="axis">
            {xFormat(x0)}
          </text>
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="axis">
            {xFormat(x1)}
          </text>
          {(props.markers ?? []).map((marker) => (
            <g key={`${marker.x}-${marker.label}`} className="marker">
              <line x1={sx(marker.x)} x2={sx(marker.x)} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
              <title>{marker.label}</title>
            </g>
          ))}
          {props.series.map((series, index) => {
            const color = COLORS[index % COLORS.length];
            const points = series.points.filter((point) => point.y !== null);
            return (
              <g key={series.name}>
                {mode === 'lines' && points.length > 1 ? (
                  <polyline
                    fill="none"
                    stroke={color}
                    strokeWidth={2}
                    points={points.map((point) => `${sx(point.x)},${sy(point.y ?? 0)}`).join(' ')}
                  />
                ) : null}
                {points.map((point) => (
                  <circle
                    key={`${point.x}-${point.y}-${point.label ?? ''}`}
                    cx={sx(point.x)}
                    cy={sy(point.y ?? 0)}
                    r={point.highlight === true ? 6 : mode === 'points' ? 4 : 2.5}
                    fill={color}
                    className={point.highlight === true ? 'highlight' : undefined}
                  >
                    <title>{point.label ?? `${series.name}: ${xFormat(point.x)}, ${yFormat(point.y ?? 0)}`}</title>
                  </circle>
                ))}
              </g>
            );
          })}
        </svg>
      )}
      {props.series.length > 1 ? (
        <ul className="legend">
          {props.series.map((series, index) => (
            <li key={series.name}>
              <span className="swatch" style={{ background: COLORS[index % COLORS.length] }} />
              {series.name}
            </li>
          ))}
        </ul>
      ) : null}
      {props.xLabel !== undefined ? <p className="muted axis-label">{props.xLabel}</p> : null}
    </figure>
  );
}
