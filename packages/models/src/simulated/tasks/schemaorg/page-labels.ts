// Collects the "Label: value" pairs a page shows, the way spec tables and recipe cards present facts.
import type { PageLine } from './read-html.js';

const INLINE = /^([A-Za-zÀ-ÿ][\w ./&()'-]{0,38}?)\s*:\s+(.{1,300})$/;

/**
 * Lowercased label → value, first occurrence wins; a short line ending in ':' labels the line after it.
 *
 * @example
 * readLabels([{ text: 'ISBN: 9781627052191', tag: 'p', chrome: false }]).get('isbn'); // '9781627052191'
 */
export function readLabels(lines: readonly PageLine[]): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (label: string, value: string) => {
    const key = label.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!labels.has(key) && value.trim().length > 0) labels.set(key, value.trim());
  };
  lines.forEach((line, index) => {
    if (line.chrome) return;
    const inline = INLINE.exec(line.text);
    if (inline?.[1] !== undefined && inline[2] !== undefined && inline[1].split(' ').length <= 5)
      add(inline[1], inline[2]);
    else if (line.text.endsWith(':') && line.text.length <= 40)
      add(line.text.slice(0, -1), lines[index + 1]?.text ?? '');
  });
  return labels;
}

/**
 * The value of the first label present among `names`.
 *
 * @example
 * labelled(labels, ['model number', 'model']); // 'NC5100EF'
 */
export function labelled(labels: ReadonlyMap<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = labels.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}
