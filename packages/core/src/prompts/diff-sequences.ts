// Myers' O(ND) difference algorithm over any two sequences: the engine behind line and word diffs.

export type EditOp = 'equal' | 'insert' | 'delete';

export interface Edit<T> {
  readonly op: EditOp;
  readonly items: readonly T[];
}

/**
 * The shortest edit script turning `before` into `after`, as runs of equal/deleted/inserted items.
 *
 * @example
 * diffSequences(['a', 'b', 'c'], ['a', 'c', 'd']);
 * // [{op:'equal',items:['a']}, {op:'delete',items:['b']}, {op:'equal',items:['c']}, {op:'insert',items:['d']}]
 */
export function diffSequences<T>(
  before: readonly T[],
  after: readonly T[],
  equals: (a: T, b: T) => boolean = Object.is,
): Edit<T>[] {
  const n = before.length;
  const m = after.length;
  const max = n + m;
  const offset = max + 1;
  // v[k] = furthest x on diagonal k; trace keeps each round's v to walk the path back.
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && equals(before[x] as T, after[y] as T)) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);

  // Walk back from (n, m) through the recorded rounds, emitting single-item edits in reverse.
  const reversed: { op: EditOp; item: T }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const round = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (round[offset + k - 1] ?? 0) < (round[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = round[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ op: 'equal', item: before[x - 1] as T });
      x--;
      y--;
    }
    if (d === 0) break;
    if (down) reversed.push({ op: 'insert', item: after[y - 1] as T });
    else reversed.push({ op: 'delete', item: before[x - 1] as T });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    reversed.push({ op: 'equal', item: before[x - 1] as T });
    x--;
    y--;
  }

  const edits: Edit<T>[] = [];
  for (let index = reversed.length - 1; index >= 0; index--) {
    const { op, item } = reversed[index] as { op: EditOp; item: T };
    const last = edits[edits.length - 1];
    if (last !== undefined && last.op === op) (last.items as T[]).push(item);
    else edits.push({ op, items: [item] });
  }
  return edits;
}
