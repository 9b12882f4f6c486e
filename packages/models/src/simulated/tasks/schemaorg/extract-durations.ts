// Turns written durations ("1 hour 30 mins", "15 minutes") into ISO 8601 durations.

const PART = /(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|stunden?|std|heures?|horas?|minutes?|mins?|m|minuten|minutos)\b/gi;

/**
 * @example
 * readDuration('1 hr 30 mins'); // 'PT1H30M'
 * readDuration('about a while'); // undefined
 */
export function readDuration(text: string): string | undefined {
  let hours = 0;
  let minutes = 0;
  for (const match of text.matchAll(PART)) {
    const value = Number((match[1] ?? '0').replace(',', '.'));
    if (/^(?:h|hr|hrs|hours?|stunden?|std|heures?|horas?)$/i.test(match[2] ?? '')) hours += value;
    else minutes += value;
  }
  if (hours === 0 && minutes === 0) return undefined;
  const wholeMinutes = Math.round(minutes + (hours % 1) * 60);
  const wholeHours = Math.floor(hours) + Math.floor(wholeMinutes / 60);
  const rest = wholeMinutes % 60;
  return `PT${wholeHours > 0 ? `${wholeHours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}

const LABELLED = (label: string) =>
  new RegExp(
    String.raw`\b${label}\s*(?:time)?\s*:?\s*((?:\d+(?:[.,]\d+)?\s*(?:hours?|hrs?|h|minutes?|mins?|m|stunden?|std|minuten|heures?|minutos|horas?)\b\s*){1,2})`,
    'i',
  );

/**
 * The duration written after a label anywhere in the lines ("Prep Time: 15 minutes"), or after a label line.
 *
 * @example
 * findDuration(['Prep Time', '15 mins'], 'prep(?:aration)?'); // 'PT15M'
 */
export function findDuration(lines: readonly string[], label: string): string | undefined {
  const pattern = LABELLED(label);
  for (let index = 0; index < lines.length; index++) {
    const match = pattern.exec(`${lines[index]} ${lines[index + 1] ?? ''}`);
    if (match?.[1] !== undefined) return readDuration(match[1]);
  }
  return undefined;
}
