// Reads dates and times as people write them on pages and turns them into ISO 8601.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  januar: 1,
  februar: 2,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  oktober: 10,
  dezember: 12,
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

const MONTH = String.raw`([A-Za-zäéûè]{3,10})\.?`;
const ISO = /\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b/;
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`);
const DAY_FIRST = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?${MONTH}\s+(?:de\s+)?(\d{4})\b`);
const TIME = /\b(\d{1,2}):(\d{2})\s*(am|pm)?\b|\b(\d{1,2})\s*(am|pm)\b/i;

const pad = (value: number) => String(value).padStart(2, '0');

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  return MONTHS[lower] ?? MONTHS[lower.slice(0, 3)];
}

/** A time of day on the same line ("19:30", "9:30 PM"), as `THH:MM`, or ''. */
function timeOf(text: string): string {
  const match = TIME.exec(text);
  if (match === null) return '';
  let hours = Number(match[1] ?? match[4]);
  const meridiem = (match[3] ?? match[5])?.toLowerCase();
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  return hours > 23 ? '' : `T${pad(hours)}:${match[2] ?? '00'}`;
}

/**
 * The first date in the text as ISO 8601 (with the time when one follows), or undefined.
 *
 * @example
 * readDate('By John Smith, May 8, 2009'); // '2009-05-08'
 * readDate('Wed 01 October 2014 19:30', { withTime: true }); // '2014-10-01T19:30'
 */
export function readDate(text: string, options: { withTime?: boolean } = {}): string | undefined {
  const iso = ISO.exec(text);
  if (iso?.[1] !== undefined) return iso[1].replace(' ', 'T');
  const monthFirst = MONTH_FIRST.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const candidates = [
    monthFirst && { index: monthFirst.index, month: monthFirst[1], day: monthFirst[2], year: monthFirst[3] },
    dayFirst && { index: dayFirst.index, month: dayFirst[2], day: dayFirst[1], year: dayFirst[3] },
  ].filter((candidate) => candidate !== null && monthNumber(candidate.month ?? '') !== undefined);
  const found = candidates.sort((a, b) => (a?.index ?? 0) - (b?.index ?? 0))[0];
  if (found === null || found === undefined) return undefined;
  const date = `${found.year}-${pad(monthNumber(found.month ?? '') ?? 1)}-${pad(Number(found.day))}`;
  return options.withTime === true ? date + timeOf(text.slice(found.index)) : date;
}
