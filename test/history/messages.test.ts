import { describe, expect, it } from 'vitest';
import { en, zh, historyMessage, type HistoryMessageKey } from '../../src/history/messages.ts';
import { count, signedPercent } from '../../src/history/figures.ts';

/** Parameters that fit every message (each template reads only the ones it needs). */
const params = {
  line: 4,
  column: 'payouts',
  row: 3,
  year: 2017,
  field: 'members',
  mb: 10,
  max: 1000,
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
} as const;
const CJK = /[\u3400-\u9fff\uff08\uff09\uff0c\uff1a\uff1b]/;

describe('history messages', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('keep each language to itself: no Chinese in English texts; Chinese in every Chinese text but the bare line locator', () => {
    for (const key of Object.keys(en) as HistoryMessageKey[]) {
      const p = key === 'atLine' ? { line: 4 } : params;
      const e = (historyMessage as (l: 'en' | 'zh', k: HistoryMessageKey, p: unknown) => string)(
        'en',
        key,
        p,
      );
      const z = (historyMessage as (l: 'en' | 'zh', k: HistoryMessageKey, p: unknown) => string)(
        'zh',
        key,
        p,
      );
      expect(CJK.test(e), `${key}: ${e}`).toBe(false);
      expect(CJK.test(z), `${key}: ${z}`).toBe(true);
    }
  });
  it('write growth as a signed whole percentage, halves away from zero, and counts grouped', () => {
    expect(signedPercent(1.68)).toBe('+168%');
    expect(signedPercent(-0.625)).toBe('−63%');
    expect(signedPercent(0)).toBe('+0%');
    expect(count(332874)).toBe('332,874');
  });
});
