/**
 * The words of history's codes (src/messages/history.ts): every code has a text in both
 * languages, each language keeps to itself, and the compiler refuses a missing text or a wrong
 * parameter. Places (`line 4, payouts`) are worded here too.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryMessageCode, HistoryMessageParams } from '../../src/history/messages.ts';
import { historyMessage, historyProblem } from '../../src/history/messages.ts';
import type { Texts } from '../../src/messages/catalogue.ts';
import { count, signedPercent } from '../../src/messages/figures.ts';
import {
  HISTORY_TEXTS,
  historyMessageText,
  historyProblemLine,
  historyProblemText,
  placeText,
} from '../../src/messages/history.ts';

/** Parameters that fit every message (each template reads only the ones it needs). */
const params = {
  line: 4,
  column: 'payouts',
  row: 3,
  year: 2017,
  field: 'members',
  mb: 10,
  max: 1000,
  length: 60,
  added: ['A'],
  dropped: ['B'],
  parts: ['inpatient-severe'],
  min: 1,
  columns: 'year,members',
  column2: 'x',
  allowed: ['year', 'members'],
  got: 3,
  expected: 4,
  text: 'abc',
  previous: 2016,
  name: 'A',
  count: 5,
  payoutGrowth: 1.68,
  contributionGrowth: 0.31,
  payouts: 227260000,
  contributions: 160000000,
  from: 91449,
  to: 332874,
  claimants: 4527,
  members: 106094,
  claims: 10300,
  unit: 'claim',
  paid: 85450000,
  n: 10300,
  median: 905,
  corrected: 8545000,
  others: 'regions',
  memberGrowth: 2.64,
  risk: 'inpatient',
  known: ['inpatient'],
  benefit: 'allowance',
  target: 1089,
  floor: 300,
  ceiling: 500,
  reached: 1000,
  shape: 0.8,
  district: 'A',
  rate: 0.0417,
  pooled: 0.039,
  reason: 'end of data reached',
  entry: 'xl/worksheets/sheet1.xml',
  ratio: 1032.4,
  sheet: 'Data',
  sheets: ['Sheet1', 'Sheet2'],
  formula: 'SUM(B2:B3)',
  last: 'D',
  targets: 1,
  parameters: 2,
  threshold: 5000,
  previousCount: 398,
  largest: 141243,
  most: 250000,
  draws: 16719,
} as const;
const CJK = /[\u3400-\u9fff\uff08\uff09\uff0c\uff1a\uff1b]/;
const { en, zh } = HISTORY_TEXTS;

describe('history messages', () => {
  it('have the same codes in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('keep each language to itself: no Chinese in English texts; Chinese in every Chinese text', () => {
    for (const code of Object.keys(en) as HistoryMessageCode[]) {
      const m = { code, params } as unknown as Parameters<typeof historyMessageText>[1];
      const e = historyMessageText('en', m);
      const z = historyMessageText('zh', m);
      expect(CJK.test(e), `${code}: ${e}`).toBe(false);
      expect(CJK.test(z), `${code}: ${z}`).toBe(true);
      for (const t of [e, z]) expect(t).not.toMatch(/NaN|undefined|\[object|\n/);
    }
  });
  it('word a code with its figures', () => {
    const m = historyMessage('flagPayoutGrowth', { payoutGrowth: 1.68, contributionGrowth: 0.31 });
    expect(m).toEqual({ code: 'flagPayoutGrowth', params: { payoutGrowth: 1.68, contributionGrowth: 0.31 } });
    expect(historyMessageText('en', m)).toBe(
      'payouts +168% against contributions +31%: 137 percentage points faster (the flag is raised above 20)',
    );
    expect(historyMessageText('zh', m)).toBe(
      '赔付支出增长 +168%，会费收入增长 +31%：支出增速快 137 个百分点（超过 20 个百分点即提示）',
    );
    expect(historyMessage('noRows')).toEqual({ code: 'noRows', params: {} });
  });
  it('word where a problem lies: a line and column, a row and field, or a path as it is', () => {
    expect(placeText('en', { line: 4, column: 'payouts' })).toBe('line 4, payouts');
    expect(placeText('en', { line: 4 })).toBe('line 4');
    expect(placeText('zh', { line: 4, column: 'payouts' })).toBe('第 4 行，payouts');
    expect(placeText('zh', { line: 4 })).toBe('第 4 行');
    expect(placeText('en', { row: 1, year: 2015, field: 'members' })).toBe('row 1 (year 2015).members');
    expect(placeText('en', { row: 2, field: 'year' })).toBe('row 2.year');
    expect(placeText('zh', { row: 1, year: 2015, field: 'members' })).toBe('第 1 条（2015 年）.members');
    expect(placeText('zh', { path: 'costs[3]' })).toBe('costs[3]');
    expect(placeText('en', { cell: 'Sheet1!D4', column: 'payouts' })).toBe('Sheet1!D4 (payouts)');
    expect(placeText('zh', { cell: 'Sheet1!D4', column: 'payouts' })).toBe('Sheet1!D4（payouts）');
    expect(placeText('en', { cell: 'Sheet1!4:4' })).toBe('Sheet1!4:4');
    const p = historyProblem({ line: 2, column: 'payouts' }, 'notNumber', { text: 'abc' });
    expect(p).toEqual({ at: { line: 2, column: 'payouts' }, code: 'notNumber', params: { text: 'abc' } });
    expect(historyProblemText('en', p)).toEqual({
      path: 'line 2, payouts',
      message: 'must be a number, not "abc"',
    });
    expect(historyProblemLine('zh', p)).toBe('第 2 行，payouts: 必须是数字，而不是 "abc"');
  });
  it('write growth as a signed whole percentage, halves away from zero, and counts grouped', () => {
    expect(signedPercent(1.68)).toBe('+168%');
    expect(signedPercent(-0.625)).toBe('−63%');
    expect(signedPercent(0)).toBe('+0%');
    expect(count(332874)).toBe('332,874');
  });
});

describe('the compiler', () => {
  it('refuses a table without a code, a text that reads a parameter the code does not carry, and a code built without its parameters', () => {
    // @ts-expect-error 'noRows' is missing
    const missing: Texts<Pick<HistoryMessageParams, 'tooLarge' | 'noRows'>> = {
      tooLarge: (p) => `${p.mb}`,
    };
    const wrong: Texts<Pick<HistoryMessageParams, 'tooLarge'>> = {
      // @ts-expect-error 'tooLarge' carries mb, not max
      tooLarge: (p) => `${p.max}`,
    };
    // @ts-expect-error 'tooLarge' needs its parameters
    const bare = historyMessage('tooLarge');
    // @ts-expect-error 'noRows' has none
    const extra = historyMessage('noRows', { max: 1 });
    expect([missing, wrong, bare, extra].length).toBe(4);
  });
});
