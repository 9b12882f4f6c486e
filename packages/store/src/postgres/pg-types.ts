// Type parsers for the store's pool: int8 as a JS number, so counts, tokens and microsecond times are numbers.
import { TypeOverrides } from 'pg';

const INT8_OID = 20;

/** Every int8 the schema holds (tokens, microseconds until the year 2255) is a safe integer; keep text otherwise. */
function parseInt8(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/** Scoped to the pool rather than pg's global parsers, so other pg users in the process are unaffected. */
export function createPgTypes(): TypeOverrides {
  const types = new TypeOverrides();
  types.setTypeParser(INT8_OID, parseInt8);
  return types;
}
