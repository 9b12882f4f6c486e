// A unified diff shown inline (one column, +/- lines) or side by side (before | after), from the diff's text.
import { useState } from 'react';

interface Row {
  readonly kind: 'context' | 'added' | 'removed' | 'hunk' | 'file';
  readonly text: string;
}

function parse(diff: string): Row[] {
  return diff.split('\n').map((line): Row => {
    if (line.startsWith('+++') || line.startsWith('---')) return { kind: 'file', text: line };
    if (line.startsWith('@@')) return { kind: 'hunk', text: line };
    if (line.startsWith('+')) return { kind: 'added', text: line.slice(1) };
    if (line.startsWith('-')) return { kind: 'removed', text: line.slice(1) };
    return { kind: 'context', text: line.startsWith(' ') ? line.slice(1) : line };
  });
}

/** Pairs removed and added runs so a changed line sits next to its replacement. */
function sideBySide(rows: readonly Row[]): { left: Row | null; right: Row | null }[] {
  const pairs: { left: Row | null; right: Row | null }[] = [];
  let index = 0;
  while (index < rows.length) {
    const row = rows[index] as Row;
    if (row.kind === 'removed' || row.kind === 'added') {
      const removed: Row[] = [];
      const added: Row[] = [];
      while (rows[index]?.kind === 'removed') removed.push(rows[index++] as Row);
      while (rows[index]?.kind === 'added') added.push(rows[index++] as Row);
      for (let i = 0; i < Math.max(removed.length, added.length); i++) {
        pairs.push({ left: removed[i] ?? null, right: added[i] ?? null });
      }
      continue;
    }
    if (row.kind === 'context') pairs.push({ left: row, right: row });
    else pairs.push({ left: row, right: null });
    index++;
  }
  return pairs;
}

export function DiffView(props: { readonly diff: string; readonly testId?: string }) {
  const [mode, setMode] = useState<'inline' | 'split'>('inline');
  const rows = parse(props.diff);
  if (props.diff.trim() === '') return <p className="muted">No differences.</p>;
  return (
    <div className="diff" data-testid={props.testId}>
      <div className="diff-modes">
        <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
          Inline
        </button>
        <button type="button" aria-pressed={mode === 'split'} onClick={() => setMode('split')}>
          Side by side
        </button>
      </div>
      {mode === 'inline' ? (
        <pre className="diff-inline">
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one diff, never reordered
            <div key={index} className={`diff-${row.kind}`}>
              {row.kind === 'added' ? '+ ' : row.kind === 'removed' ? '- ' : '  '}
              {row.text}
            </div>
          ))}
        </pre>
      ) : (
        <table className="diff-split">
          <tbody>
            {sideBySide(rows).map((pair, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one diff, never reordered
              <tr key={index}>
                <td className={pair.left === null ? '' : `diff-${pair.left.kind}`}>
                  <pre>{pair.left?.text ?? ''}</pre>
                </td>
                <td className={pair.right === null ? '' : `diff-${pair.right.kind}`}>
                  <pre>{pair.right?.text ?? ''}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
