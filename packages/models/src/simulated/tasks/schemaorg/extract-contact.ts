// Finds the telephone number, e-mail address and postal address a page shows.

const PHONE_LABEL =
  /\b(?:phone|tel|telephone|call us|call|fon|téléphone|teléfono)\b\.?\s*:?\s*([+(]?\s*\d[\d\s()./-]{6,}\d)/i;
const PHONE_SHAPE =
  /(?:\+\d{1,3}[\s.-]?)?\(\d{2,4}\)\s?\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s.-]\d{1,4}(?:[\s.-]\d{2,4}){2,4}\b/;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/i;
const US_LOCALITY = /\b[A-Z][A-Za-z .'-]+,?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;
const ADDRESS_LABEL = /^(?:[\w ]{0,20}\s)?(?:address|adresse|dirección|location|located at)\s*:\s*(.{6,})$/i;

/**
 * The telephone number written on the page, or undefined.
 *
 * @example
 * findTelephone(['Phone: 800-555-1234']); // '800-555-1234'
 */
export function findTelephone(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const labelled = PHONE_LABEL.exec(line)?.[1];
    if (labelled !== undefined) return labelled.trim();
  }
  for (const line of lines) {
    const shaped = PHONE_SHAPE.exec(line)?.[0];
    if (shaped !== undefined) return shaped.trim();
  }
  return undefined;
}

/**
 * @example
 * findEmail(['Contact: jane-doe@illinois.edu']); // 'jane-doe@illinois.edu'
 */
export function findEmail(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const email = EMAIL.exec(line)?.[0];
    if (email !== undefined) return email;
  }
  return undefined;
}

/** An address and the index of its first line (the line before it often names the place). */
export interface AddressFact {
  readonly address: string;
  readonly line: number;
}

/**
 * The postal address: an `<address>` element, a labelled address, or a "City, ST 12345" line with the street line
 * before it.
 *
 * @example
 * findAddress([{ text: '7 S. Broadway', tag: 'div' }, { text: 'Denver, CO 80209', tag: 'div' }]);
 * // { address: '7 S. Broadway, Denver, CO 80209', line: 0 }
 */
export function findAddress(
  lines: readonly { readonly text: string; readonly tag: string }[],
): AddressFact | undefined {
  const first = lines.findIndex((line) => line.tag === 'address');
  if (first !== -1) {
    const parts = lines.filter((line) => line.tag === 'address').map((line) => line.text.replace(/,$/, ''));
    return { address: parts.join(', '), line: first };
  }
  for (const [index, line] of lines.entries()) {
    const labelled = ADDRESS_LABEL.exec(line.text)?.[1];
    if (labelled !== undefined && /\d/.test(labelled)) return { address: labelled.trim(), line: index };
  }
  for (const [index, line] of lines.entries()) {
    if ((!US_LOCALITY.test(line.text) && !UK_POSTCODE.test(line.text)) || line.text.length > 80) continue;
    const previous = lines[index - 1]?.text ?? '';
    const street = /^\d/.test(previous) && previous.length < 60;
    return street ? { address: `${previous}, ${line.text}`, line: index - 1 } : { address: line.text, line: index };
  }
  return undefined;
}
