/**
 * The history flags and data checks at their thresholds, on both sides. The rules as written
 * (docs/scenario-format.md, "History files"; src/history/dataChecks.ts): `loss-ratio-above-one`
 * when payouts exceed contributions; `payout-growth-outpaces-contributions` when payouts grow
 * *more than* 20 percentage points faster; `enrollment-surge` when members *more than* double;
 * an average benefit *outside* 50–50,000; a figure *more than* 4× or *under* ¼ of the others'
 * median; contributions per member that *more than* double or *less than* halve.
 */
import { describe, expect, it } from 'vitest';
import { analyseHistory } from '../../src/history/analyseHistory.ts';
import { checkEntities } from '../../src/history/dataChecks.ts';
import type { HistoryRow } from '../../src/history/historyRow.ts';
import { decimalSlip, outOfLine } from '../../src/history/robust.ts';

const row = (year: number, members: number, contributions: number | null, payouts: number): HistoryRow => ({
  year,
  members,
  contributions,
  payouts,
});
const flagCodes = (rows: HistoryRow[]) => analyseHistory(rows).flags.map((f) => f.code);
const growthFlags = (rows: HistoryRow[]) =>
  flagCodes(rows).filter((c) => c === 'payout-growth-outpaces-contributions');
const warningCodes = (rows: HistoryRow[]) => analyseHistory(rows).warnings.map((w) => w.code);

describe('loss-ratio-above-one: payouts > contributions', () => {
  it('payouts equal to contributions (1,024 and 1,024) are not flagged; one fen more is', () => {
    expect(flagCodes([row(2015, 100, 1024, 1024)])).toEqual([]);
    expect(flagCodes([row(2015, 100, 1024, 1024.01)])).toEqual(['loss-ratio-above-one']);
  });
});

describe('enrollment-surge: members more than double in a year', () => {
  it('1,000 → 2,000 (exactly double) is not flagged; 1,000 → 2,001 is', () => {
    expect(flagCodes([row(2014, 1000, 1000, 100), row(2015, 2000, 2000, 200)])).toEqual([]);
    expect(flagCodes([row(2014, 1000, 1000, 100), row(2015, 2001, 2001, 200)])).toEqual(['enrollment-surge']);
  });
});

describe('payout-growth-outpaces-contributions: g_payouts − g_contributions > 20 points', () => {
  // Growth is x_t / x_{t−1} − 1, always a multiple of 2^-53 for these sizes, while the double 0.2
  // is not: no pair of rows lands exactly on the threshold, so `>` and `>=` cannot be told apart
  // here (an equivalent mutant). The tests stand as close to it as rows allow, on both sides.
  it('contributions 4 → 5 (+25%) and payouts 100 → 145 (+45%, exactly 20 points more) is not flagged', () => {
    expect(growthFlags([row(2014, 10, 4, 100), row(2015, 10, 5, 145)])).toEqual([]);
  });
  it('payouts 100 → 145.01 (+45.01%, 20.01 points more) is flagged', () => {
    expect(growthFlags([row(2014, 10, 4, 100), row(2015, 10, 5, 145.01)])).toEqual([
      'payout-growth-outpaces-contributions',
    ]);
  });
  it('the smallest representable gap above 20 points is flagged, the largest below is not', () => {
    // contributions 1 → 1.25 exactly; payouts 1 → 1.45 ± one double, so their growths straddle 0.45.
    const payouts = (p: number) => growthFlags([row(2014, 10, 1, 1), row(2015, 10, 1.25, p)]);
    expect(payouts(1.45 + 2 ** -52)).toEqual(['payout-growth-outpaces-contributions']);
    expect(payouts(1.45)).toEqual([]);
  });
});

describe('the average benefit must lie within 50–50,000 (inclusive)', () => {
  const codes = (paid: number, claimants: number) =>
    checkEntities([{ members: 1000, claimants, paid }], 'years', 'payouts')[0].map((c) => c.code);
  it('exactly 50 and exactly 50,000 a claimant pass; 49.99 and 50,000.01 are questioned', () => {
    expect(codes(5000, 100)).toEqual([]);
    expect(codes(5_000_000, 100)).toEqual([]);
    expect(codes(4999, 100)).toEqual(['payouts-inconsistent-with-claimants']);
    expect(codes(5_000_001, 100)).toEqual(['payouts-inconsistent-with-claimants']);
  });
});

describe("a figure out of line with the others' median: more than 4× or under ¼", () => {
  it('with the others at 100, 400 (4×) and 25 (¼) are in line; 400.01 and 24.99 are not', () => {
    const flagged = (v: number) => outOfLine([v, 100, 100, 100]).map((o) => o.index);
    expect(flagged(400)).toEqual([]);
    expect(flagged(25)).toEqual([]);
    expect(flagged(400.01)).toEqual([0]);
    expect(flagged(24.99)).toEqual([0]);
  });
  it('needs three others: with two, nothing is out of line', () => {
    expect(outOfLine([1e6, 100, 100])).toEqual([]);
    expect(outOfLine([1e6, 100, 100, 100]).map((o) => o.index)).toEqual([0]);
  });
  it('a decimal slip is suggested when a power of ten brings the ratio within 0.5–2, ends included', () => {
    expect(decimalSlip(20)).toBe(0.1);
    expect(decimalSlip(0.05)).toBe(10);
  });
});

describe('contribution-per-member-jump: more than double or less than half from one year to the next', () => {
  const jump = (from: number, to: number) =>
    warningCodes([row(2014, 100, from, 1), row(2015, 100, to, 1)]).filter(
      (c) => c === 'contribution-per-member-jump',
    );
  it('32 → 64 a member (exactly double) passes; 32 → 64.01 a member is questioned', () => {
    expect(jump(3200, 6400)).toEqual([]);
    expect(jump(3200, 6401)).toEqual(['contribution-per-member-jump']);
  });
  it('32 → 16 a member (exactly half) passes; 32 → 15.99 a member is questioned', () => {
    expect(jump(3200, 1600)).toEqual([]);
    expect(jump(3200, 1599)).toEqual(['contribution-per-member-jump']);
  });
});
