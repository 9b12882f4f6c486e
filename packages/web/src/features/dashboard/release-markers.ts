// Label moves as chart markers: one per move inside the shown window, titled "extractor production → v3".
import type { LabelEvent } from '@kaizen/core';
import type { ChartMarker } from '../../components/chart';
import type { TimeWindow } from './dashboard-controls';

/** The marker's title: the prompt, the label and where it now points (and how, for a rollback). */
export function releaseTitle(event: LabelEvent): string {
  const from = event.fromVersion === null ? '' : ` (from v${event.fromVersion})`;
  const how = event.kind === 'rollback' ? ' rollback' : '';
  return `${event.name} ${event.label}${how} → v${event.toVersion}${from}`;
}

/**
 * Oldest first; moves outside [from, to) are left out.
 * @example
 * releaseMarkers([{ name: 'extractor', label: 'production', toVersion: 3, at, … }], window);
 * // [{ x: Date.parse(at), label: 'extractor production → v3 (from v2)' }]
 */
export function releaseMarkers(events: readonly LabelEvent[], period: TimeWindow): ChartMarker[] {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  return events
    .map((event) => ({ at: Date.parse(event.at), event }))
    .filter(({ at }) => at >= from && at < to)
    .sort((a, b) => a.at - b.at)
    .map(({ at, event }) => ({ x: at, label: releaseTitle(event) }));
}
