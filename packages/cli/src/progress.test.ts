import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

describe('createProgress', () => {
  it('prints one line per tenth when not on a terminal', () => {
    const lines: string[] = [];
    const progress = createProgress('Replaying', 20, (text) => lines.push(text), false);
    for (let done = 1; done <= 20; done++) progress.update(done);
    progress.finish('done');
    expect(lines).toHaveLength(12); // tenths 0…10 of the work, plus the final status line
    expect(lines.at(-1)).toContain('20/20 done');
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
  });

  it('redraws in place on a terminal', () => {
    let out = '';
    const progress = createProgress('Run', 4, (text) => (out += text), true);
    progress.update(2, '1 failed');
    progress.finish();
    expect(out).toContain('\rRun ███████████████░░░░░░░░░░░░░░░ 2/4 1 failed');
    expect(out.endsWith('2/4\u001b[K\n')).toBe(true);
  });
});
