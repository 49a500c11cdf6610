/**
 * src/engine/fft/lattice.ts: latticeOf (the span gcd(values in fen)/100, zeros ignored, null when
 * some value is not a whole number of fen within 1e-6·max(1, |fen|), or all are zero) and
 * commonLattice (gcd of two spans). Every figure is a gcd worked by hand in the test's comments.
 */
import { describe, expect, it } from 'vitest';
import { commonLattice, latticeOf } from '../../../src/engine/fft/lattice.ts';

describe('latticeOf', () => {
  it('the gcd of the values in fen', () => {
    expect(latticeOf([1.5, 2.25])).toBe(0.75); // gcd(150, 225) = 75 fen
    expect(latticeOf([0.1, 0.2, 0.3])).toBe(0.1); // gcd(10, 20, 30) = 10 fen (0.1·100 = 10.000000000000002)
    expect(latticeOf([600, 400, 1000])).toBe(200); // gcd(60000, 40000, 100000) = 20000 fen
    expect(latticeOf([0.07, 0.05])).toBe(0.01); // gcd(7, 5) = 1 fen
    expect(latticeOf(Float64Array.of(12, 18))).toBe(6); // gcd(1200, 1800) = 600 fen
    expect(latticeOf([37.5])).toBe(37.5); // one value: its own span
  });

  it('zeros are ignored, negatives count by their size; none or all zero give null', () => {
    expect(latticeOf([0, 3, 0])).toBe(3);
    expect(latticeOf([-2.5])).toBe(2.5); // |−250| = 250 fen
    expect(latticeOf([-2, 3])).toBe(1); // gcd(200, 300) = 100 fen
    expect(latticeOf([0, 0])).toBeNull();
    expect(latticeOf([])).toBeNull();
  });

  it('null as soon as a value is off the fen lattice', () => {
    expect(latticeOf([0.123])).toBeNull(); // 12.3 fen: 0.3 away
    expect(latticeOf([1, 2.005, 3])).toBeNull(); // 200.5 fen
    expect(latticeOf([1, 0.001])).toBeNull(); // 0.1 fen, 0.1 away from 0
  });

  it('the tolerance is 1e-6·max(1, |fen|) fen, inclusive', () => {
    // 10,000.000001 yuan = 1,000,000.0001 fen: 1e-4 away, within 1e-6·1e6 = 1 (but not within 1e-6)
    expect(latticeOf([10000.000001])).toBe(10000);
    // 1e-10 yuan = 1e-8 fen: within 1e-6·1 of 0 (but not within 1e-6·1e-8), so counted as 0
    expect(latticeOf([1e-10, 2])).toBe(2);
    // 1e-8 yuan = 1e-6 fen exactly (1e-8·100 === 1e-6 in doubles): exactly the tolerance, still a 0
    expect(latticeOf([1e-8, 2])).toBe(2);
    // 3e-8 yuan = 3e-6 fen: beyond it
    expect(latticeOf([3e-8, 2])).toBeNull();
  });
});

describe('commonLattice', () => {
  it('the gcd of two spans, null when either is absent', () => {
    expect(commonLattice(0.75, 1)).toBe(0.25); // gcd(75, 100) = 25 fen
    expect(commonLattice(6, 4)).toBe(2); // gcd(600, 400) = 200
    expect(commonLattice(0.1, 0.3)).toBe(0.1); // 0.1·100 and 0.3·100 rounded: gcd(10, 30) = 10
    expect(commonLattice(0.07, 0.05)).toBe(0.01);
    expect(commonLattice(null, 1)).toBeNull();
    expect(commonLattice(1, null)).toBeNull();
    expect(commonLattice(null, null)).toBeNull();
  });
});
