import { describe, expect, it } from 'vitest';
import { parseJudgeReply } from './parse-judge-answer.js';

const ids = ['polite', 'cites'];
const reply = (answers: unknown) => JSON.stringify({ answers });
const good = [
  { id: 'polite', answer: 'yes', rationale: 'Says please.' },
  { id: 'cites', answer: 'no', rationale: 'No source.' },
];

describe('parseJudgeReply', () => {
  it('reads one answer per id, in any order', () => {
    const parsed = parseJudgeReply(reply([...good].reverse()), ids);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.answers.get('polite')).toEqual({ answer: 'yes', rationale: 'Says please.' });
      expect(parsed.answers.get('cites')).toEqual({ answer: 'no', rationale: 'No source.' });
    }
  });

  it('forgives case and a whole-reply ```json fence, nothing else', () => {
    const upper = reply([{ ...good[0], answer: 'Yes' }, good[1]]);
    expect(parseJudgeReply(upper, ids).ok).toBe(true);
    expect(parseJudgeReply(`\`\`\`json\n${reply(good)}\n\`\`\``, ids).ok).toBe(true);
  });

  it('refuses extra prose, bad JSON and truncation', () => {
    expect(parseJudgeReply(`Here is my evaluation: ${reply(good)}`, ids)).toMatchObject({ ok: false });
    expect(parseJudgeReply(`${reply(good)}\nHope this helps!`, ids)).toMatchObject({ ok: false });
    expect(parseJudgeReply(reply(good).slice(0, 40), ids)).toMatchObject({ ok: false });
    const parsed = parseJudgeReply('yes', ids);
    expect(parsed.ok === false && parsed.error).toMatch(/^judge reply is not valid JSON/);
  });

  it('refuses missing, unknown and duplicate ids', () => {
    expect(parseJudgeReply(reply([good[0]]), ids)).toEqual({
      ok: false,
      error: 'judge reply has no answer for "cites"',
    });
    expect(parseJudgeReply(reply([...good, { id: 'extra', answer: 'yes', rationale: '' }]), ids)).toEqual({
      ok: false,
      error: 'judge answered an id that was not asked: "extra"',
    });
    expect(parseJudgeReply(reply([...good, good[0]]), ids)).toEqual({
      ok: false,
      error: 'judge answered "polite" twice',
    });
  });

  it('refuses wrong types', () => {
    const cases: unknown[] = [
      [{ ...good[0], answer: true }, good[1]],
      [{ ...good[0], answer: 'maybe' }, good[1]],
      [{ ...good[0], answer: 1 }, good[1]],
      [{ ...good[0], rationale: undefined }, good[1]],
      [{ ...good[0], id: 1 }, good[1]],
      ['yes', 'no'],
    ];
    for (const answers of cases) expect(parseJudgeReply(reply(answers), ids).ok, JSON.stringify(answers)).toBe(false);
    expect(parseJudgeReply('{"answers":{"polite":"yes"}}', ids).ok).toBe(false);
    expect(parseJudgeReply('[]', ids).ok).toBe(false);
    expect(parseJudgeReply('null', ids).ok).toBe(false);
  });
});
