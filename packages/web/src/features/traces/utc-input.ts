// Converts between ISO 8601 instants (the API's times) and the "YYYY-MM-DDTHH:mm" of datetime-local inputs, in UTC
// like every time the app shows (dateTime), so a time read in the table can be typed into the filter as it is.

export function isoToUtcInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 16);
}

export function utcInputToIso(value: string): string | null {
  if (value === '') return null;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
