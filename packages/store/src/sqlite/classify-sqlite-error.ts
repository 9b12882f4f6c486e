// Sorts better-sqlite3 errors by what the caller should do about them.
import type { FailureKind } from '../errors/to-store-error.js';

const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|NOMEM|PROTOCOL|CORRUPT|NOTADB)/;

export function classifySqliteError(error: unknown): FailureKind {
  // better-sqlite3 rejects values it cannot bind (objects, booleans, too-large bigints) before SQLite sees them.
  if (error instanceof TypeError || error instanceof RangeError) {
    return /connection is not open/.test(error.message) ? 'unavailable' : 'invalid_value';
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG') {
    return 'invalid_value';
  }
  if (UNAVAILABLE.test(code)) return 'unavailable';
  return 'other';
}
