/**
 * The `months` column of a history (how many months a row's payouts and claimants cover): the
 * rule at both sides of its bounds, its Chinese header, and what it changes — a year's claim
 * rate, payout growth per month, the calibration's exposure and the years the rate spread uses.
 */
import { describe, expect, it } from 'vitest';
import { analyseHistory } from '../../src/history/analyseHistory.ts';
import { calibrationYears } from '../../src/history/calibrationYears.ts';
import { parseHistory } from '../../src/history/parseHistory.ts';
import { validateHistoryRows } from '../../src/history/validateHistoryRows.ts';

const HEAD = 'year,members,contributions,payouts,claimants,months\n';
const one = (months: string) => parseHistory(`${HEAD}2015,1200,36000,20000,40,${months}\n`);

describe('months: more than 0, at most 12; blank is the whole year', () => {
  it.each([
    ['12', undefined],
    ['', undefined],
    ['11.28', 11.28],
    ['0.01', 0.01],
    ['1e-9', 1e-9],
  ])('accepts %j (row months %j)', (text, months) => {
    const r = one(text);
    expect(r.ok && r.rows[0].months).toBe(months);
  });
  it.each(['0', '-1', '12.000001', '13', 'x'])('refuses %j at its cell', (text) => {
    const r = one(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.at)).toEqual([{ line: 2, column: 'months' }]);
  });
  it('says what is allowed', () => {
    const r = one('0');
    expect(!r.ok && r.problems[0].code).toBe('monthsRange');
  });
  it('reads the Chinese header 月数', () => {
    const r = parseHistory('年份,参保人数,互助金收入,支出,月数\n2015,720000,25920000,15350000,11.28\n');
    expect(r.ok && r.rows[0].months).toBe(11.28);
  });
  it('checks rows built in memory alike', () => {
    const bad = validateHistoryRows([{ year: 2015, members: 10, contributions: 1, payouts: 1, months: 0 }]);
    expect(!bad.ok && bad.problems.map((p) => [p.at, p.code])).toEqual([
      [{ row: 1, year: 2015, field: 'months' }, 'monthsRange'],
    ]);
    const good = validateHistoryRows([{ year: 2015, members: 10, contributions: 1, payouts: 1, months: 6 }]);
    expect(good.ok && good.rows[0].months).toBe(6);
  });
});

describe('months: what a part year changes', () => {
  const rows = [
    { year: 2019, members: 1200, contributions: null, payouts: 30_000, claimants: 12, months: 3 },
    { year: 2020, members: 1200, contributions: null, payouts: 200_000, claimants: 60 },
    { year: 2021, members: 1500, contributions: null, payouts: 260_000, claimants: 66 },
    { year: 2022, members: 1600, contributions: null, payouts: 300_000, claimants: 80 },
  ];
  it('reads the claim rate per year: 12 claimants in 3 months of 1,200 members is 4 per 100', () => {
    const a = analyseHistory(rows);
    expect(a.years[0].claimRate).toBeCloseTo(0.04, 15);
    expect(a.years[1].claimRate).toBe(60 / 1200);
  });
  it('compares payouts per month: 30,000 in 3 months against 200,000 in 12 is +66.7%, not +567%', () => {
    const a = analyseHistory(rows);
    expect(a.years[1].payoutGrowth).toBeCloseTo(200_000 / 12 / (30_000 / 3) - 1, 15);
    expect(a.years[2].payoutGrowth).toBe(260_000 / 200_000 - 1);
  });
  it('leaves part years out of the rate spread (three whole years remain)', () => {
    expect(analyseHistory(rows).rateSpread?.years).toEqual([2020, 2021, 2022]);
    const partLast = rows.map((r) => (r.year === 2022 ? { ...r, months: 11.9 } : r));
    expect(analyseHistory(partLast).rateSpread).toBeNull();
    const noClaimants = rows.map((r) => (r.year === 2021 ? { ...r, claimants: undefined } : r));
    expect(analyseHistory(noClaimants).rateSpread).toBeNull();
  });
  it('gives calibration the members for the months covered: 1,200 × 3/12 = 300; women 45% → 135', () => {
    const chosen = new Set([2019, 2020]);
    expect(calibrationYears(rows, chosen, null).map((y) => y.members)).toEqual([300, 1200]);
    expect(calibrationYears(rows, chosen, 0.45).map((y) => y.members)).toEqual([135, 540]);
  });
});
