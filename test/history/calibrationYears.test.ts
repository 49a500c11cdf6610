import { describe, expect, it } from 'vitest';
import { calibrationYears, type HistoryRow } from '../../src/history/index.ts';

const rows: HistoryRow[] = [
  { year: 2019, members: 1000, contributions: 100, payouts: 500 },
  { year: 2020, members: 1000, contributions: 100, payouts: 600, claimants: 40 },
  { year: 2021, members: 1001, contributions: 100, payouts: 700, claimants: 44 },
  { year: 2022, members: 3, contributions: 100, payouts: 800, claimants: 1 },
];

describe('calibrationYears', () => {
  it('keeps the chosen years that have claimants, with their members, claimants and payouts', () => {
    expect(calibrationYears(rows, new Set([2019, 2020, 2021]), null)).toEqual([
      { year: 2020, members: 1000, claimants: 40, paid: 600 },
      { year: 2021, members: 1001, claimants: 44, paid: 700 },
    ]);
  });
  it('counts the women only for a women-only risk: 1,001 × 0.45 = 450.45 → 450; 1,000 × 0.4555 = 455.5 → 456', () => {
    expect(calibrationYears(rows, new Set([2021]), 0.45)[0].members).toBe(450);
    expect(calibrationYears(rows, new Set([2020]), 0.4555)[0].members).toBe(456);
  });
  it('never counts fewer than one woman: 3 × 0.1 = 0.3 → 1', () => {
    expect(calibrationYears(rows, new Set([2022]), 0.1)[0].members).toBe(1);
  });
  it('gives nothing when no year is chosen', () => {
    expect(calibrationYears(rows, new Set(), null)).toEqual([]);
  });
});
