// Splits a one-line address into PostalAddress parts where its shape is recognisable.

import { compact } from './entity-field.js';
import type { JsonObject } from './find-json-blocks.js';

const US = /^(.*?),?\s*([A-Z][A-Za-z .'-]+),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)(?:,?\s*(USA|United States|US))?$/;
const EUROPEAN = /^(.*?),\s*(?:[A-Z]{1,2}-)?(\d{4,5})\s+([^,]+?)(?:,\s*([^,]+))?$/;

/**
 * @example
 * splitAddress('7 S. Broadway, Denver, CO 80209');
 * // { streetAddress: '7 S. Broadway', addressLocality: 'Denver', addressRegion: 'CO', postalCode: '80209' }
 */
export function splitAddress(address: string): JsonObject {
  const us = US.exec(address);
  if (us !== null) {
    return compact({
      streetAddress: us[1]?.replace(/,$/, ''),
      addressLocality: us[2],
      addressRegion: us[3],
      postalCode: us[4],
      addressCountry: us[5],
    });
  }
  const european = EUROPEAN.exec(address);
  if (european !== null) {
    return compact({
      streetAddress: european[1],
      postalCode: european[2],
      addressLocality: european[3],
      addressCountry: european[4],
    });
  }
  return { streetAddress: address };
}
