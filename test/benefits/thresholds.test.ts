/**
 * Benefit tables at their edges, on both sides: band edges, a deductible, caps, step edges, a
 * maximum number of days, a lump sum's cap and the waiting period's extremes. Expected amounts
 * are worked by hand from the rules of docs/scenario-format.md ("Benefits"), to the fen, half
 * up; the exact evaluation must give them to the fen and the fast one within a fen.
 */
import { describe, expect, it } from 'vitest';
import type { Benefit } from '../../src/domain/scenario.ts';
import { payExact } from '../../src/benefits/exact.ts';
import { payFast } from '../../src/benefits/fast.ts';
import { waitingFactor } from '../../src/engine/expectedBenefit.ts';
import { hangzhou } from '../helpers/fixtures.ts';

/** [at, pays] pairs checked with the exact (to the fen) and the fast (within a fen) evaluation. */
function check(b: Benefit, cases: [at: number | string, pays: number][]) {
  const fast = payFast(b);
  for (const [at, pays] of cases) {
    expect(payExact(b, at).toNumber(), `${b.id} at ${at}`).toBe(pays);
    expect(Math.abs(fast(Number(at)) - pays), `${b.id} fast at ${at}`).toBeLessThanOrEqual(0.01);
  }
}

describe("Hangzhou's bands at each edge: below, on and one fen above", () => {
  it('1,000: 20% of 999.99 = 200.00 (199.998 half up), 200, then 200 + 50% of 0.01 = 200.01 (200.005 half up)', () => {
    check(hangzhou, [
      [999.99, 200],
      [1000, 200],
      [1000.01, 200.01],
    ]);
  });
  it('10,000: 200 + 4,500 = 4,700 on the edge; 4,699.995 → 4,700.00 below; 4,700.009 → 4,700.01 above', () => {
    check(hangzhou, [
      [9999.99, 4700],
      [10000, 4700],
      [10000.01, 4700.01],
    ]);
  });
  it('15,000: 4,700 + 4,500 = 9,200 on the edge; 9,199.991 → 9,199.99 below; 9,200.006 → 9,200.01 above', () => {
    check(hangzhou, [
      [14999.99, 9199.99],
      [15000, 9200],
      [15000.01, 9200.01],
    ]);
  });
  it('50,000 is the top: 9,200 + 21,000 = 30,200 = the cap; nothing more above', () => {
    check(hangzhou, [
      [49999.99, 30199.99],
      [50000, 30200],
      [50000.01, 30200],
      [1e9, 30200],
    ]);
  });
});

describe('a deductible and a cap on both sides', () => {
  const b: Benefit = {
    id: 'deductible',
    risk: 'r',
    type: 'bands',
    deductible: 1000,
    bands: [{ upTo: null, rate: 0.5 }],
    cap: 1024,
  };
  it('nothing is paid up to the deductible; 50% of what lies above it', () => {
    check(b, [
      [999.99, 0],
      [1000, 0],
      [1000.02, 0.01],
    ]);
  });
  it('the cap binds from X = 1,000 + 2 × 1,024 = 3,048: 1,023.99 a fen below, 1,024 on and above', () => {
    check(b, [
      [3047.98, 1023.99],
      [3048, 1024],
      [3048.02, 1024],
    ]);
  });
});

describe("Wenzhou's steps: 1,000 for each full 10,000 above 20,000, at most 50,000", () => {
  const b: Benefit = {
    id: 'big-bill',
    risk: 'r',
    type: 'steps',
    from: 20000,
    step: 10000,
    perStep: 1000,
    cap: 50000,
  };
  it('nothing at or just above 20,000; the first step is paid at 30,000 exactly, not a fen before', () => {
    check(b, [
      [20000, 0],
      [20000.01, 0],
      [29999.99, 0],
      [30000, 1000],
      [30000.01, 1000],
    ]);
  });
  it('the 50th step reaches the cap at 520,000; 49,000 a fen before', () => {
    check(b, [
      [519999.99, 49000],
      [520000, 50000],
      [530000, 50000],
    ]);
  });
});

describe('a daily allowance at its maximum number of days', () => {
  const b: Benefit = { id: 'allowance', risk: 'r', type: 'daily', perDay: 30, maxDays: 15 };
  it('14 days pay 420, 15 pay 450, 16 still 450', () => {
    check(b, [
      [14, 420],
      [15, 450],
      [16, 450],
    ]);
  });
});

describe("Beijing's light-illness lump sum at its cap", () => {
  const b: Benefit = { id: 'light', risk: 'r', type: 'lump-sum', amount: 4000, cap: 16000, waitingDays: 60 };
  it('3 diagnoses pay 12,000, 4 reach the cap 16,000, 5 still 16,000', () => {
    check(b, [
      [3, 12000],
      [4, 16000],
      [5, 16000],
    ]);
  });
});

describe('the waiting period at its extremes: the rate × (1 − newShare × waitingDays / 365)', () => {
  const lump = (waitingDays: number): Extract<Benefit, { type: 'lump-sum' }> => ({
    id: 'l',
    risk: 'r',
    type: 'lump-sum',
    amount: 1,
    waitingDays,
  });
  it('0 days keep every event; 365 days with every member new keep none; 365 with half new keep half', () => {
    expect(waitingFactor(lump(0), 1)).toBe(1);
    expect(waitingFactor(lump(365), 1)).toBe(0);
    expect(waitingFactor(lump(365), 0.5)).toBe(0.5);
  });
  it('73 days (a fifth of the year) with every member new keep four fifths', () => {
    expect(waitingFactor(lump(73), 1)).toBeCloseTo(0.8, 15);
  });
});
