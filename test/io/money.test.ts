/** Money: at most 2 decimals, decided robustly on binary floats. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MONEY, hasAtMostTwoDecimals } from '../../src/io/money.ts';

describe('hasAtMostTwoDecimals', () => {
  it.each([0, 36, 0.3, 0.07, 1.1, 4000.05, 30200, 999_999_999_999.99, MAX_MONEY, 0.1 + 0.2, 1.1 * 3, -0.01])(
    'accepts %s',
    (v) => {
      expect(hasAtMostTwoDecimals(v)).toBe(true);
    },
  );

  it.each([1000.005, 0.001, 0.125, 36.999, 1e-9, NaN, Infinity])('refuses %s', (v) => {
    expect(hasAtMostTwoDecimals(v)).toBe(false);
  });

  it('accepts every amount written with at most 2 decimals, up to a trillion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MONEY * 100 }), (fen) => {
        expect(
          hasAtMostTwoDecimals(Number(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`)),
        ).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses every amount with a third decimal below a billion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 1, max: 9 }), (fen, third) => {
        expect(
          hasAtMostTwoDecimals(
            Number(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}${third}`),
          ),
        ).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('hasAtMostTwoDecimals: within 4 ε · max(1, |v|) of the nearest amount to the fen', () => {
  it('accepts 1 − 2⁻⁵⁰ (exactly 4 ε below 1), refuses 1 − 2⁻⁵⁰ − 2⁻⁵³ (one step further)', () => {
    expect(1 - (1 - 2 ** -50)).toBe(4 * Number.EPSILON);
    expect(hasAtMostTwoDecimals(1 - 2 ** -50)).toBe(true);
    expect(hasAtMostTwoDecimals(1 - 2 ** -50 - 2 ** -53)).toBe(false);
  });
});
