import { describe, expect, it } from 'vitest';
import { hurwitzZeta } from '../../src/stats/hurwitzZeta.ts';

describe('the Hurwitz zeta function ζ(s, q) = Σ_{k≥0} (q + k)^(−s)', () => {
  it('at q = 1 is the Riemann zeta: ζ(2) = π²/6, ζ(4) = π⁴/90, ζ(3) = Apéry’s constant', () => {
    expect(hurwitzZeta(2, 1) / (Math.PI ** 2 / 6)).toBeCloseTo(1, 15);
    expect(hurwitzZeta(4, 1) / (Math.PI ** 4 / 90)).toBeCloseTo(1, 15);
    expect(hurwitzZeta(3, 1) / 1.2020569031595942).toBeCloseTo(1, 15);
  });
  it('ζ(2, n + 1) = π²/6 − Σ_{k=1}^{n} 1/k², for small and large n', () => {
    for (const n of [1, 7, 1400, 1_000_000]) {
      let head = 0;
      for (let k = n; k >= 1; k--) head += 1 / (k * k); // smallest first
      expect(hurwitzZeta(2, n + 1) / (Math.PI ** 2 / 6 - head)).toBeCloseTo(1, n > 1000 ? 9 : 14);
    }
  });
  it('ζ(s, ½) = (2^s − 1)·ζ(s): ζ(2, ½) = π²/2', () => {
    expect(hurwitzZeta(2, 0.5) / (Math.PI ** 2 / 2)).toBeCloseTo(1, 15);
  });
  it('matches values computed with mpmath 1.3 at 30 digits, near the pole and deep in the tail', () => {
    // mpmath.zeta(mpf(1.1), 1) and zeta(mpf(1.1), 1401): s is the double nearest 1.1.
    expect(hurwitzZeta(1.1, 1) / 10.584448464950801).toBeCloseTo(1, 14);
    expect(hurwitzZeta(1.1, 1401) / 4.845869202375731).toBeCloseTo(1, 14);
    expect(hurwitzZeta(1.01, 1e9) / 81.28305161681625).toBeCloseTo(1, 14);
    expect(hurwitzZeta(50, 0.5) / 1125899906842624.0).toBeCloseTo(1, 14);
  });
  it('with a scale r is r^s·ζ(s, q), taken term by term: finite where r^s overflows and ζ(s, q) underflows', () => {
    let head = 0;
    for (let k = 1400; k >= 1; k--) head += 1 / (k * k);
    expect(hurwitzZeta(2, 1401, 400) / (400 ** 2 * (Math.PI ** 2 / 6 - head))).toBeCloseTo(1, 9);
    // Σ_{k≥0} (1e6/(1e6 + 1 + k))^1000 ≈ Σ_{k≥1} e^{−k/1000}·(1 + O(k²/1e9)): about 1/(e^{1/1000} − 1) ≈ 999.5.
    // (1e6)^1000 is Infinity and ζ(1000, 1e6 + 1) is 0 in double precision: their product would be NaN.
    let direct = 0;
    for (let k = 200_000; k >= 0; k--) direct += Math.pow(1e6 / (1e6 + 1 + k), 1000);
    expect(hurwitzZeta(1000, 1e6 + 1, 1e6) / direct).toBeCloseTo(1, 11);
  });
  it('is NaN where the series diverges or has a pole: s ≤ 1, q ≤ 0', () => {
    for (const [s, q] of [
      [1, 1],
      [0.5, 1],
      [2, 0],
      [2, -1],
      [NaN, 1],
      [2, NaN],
    ])
      expect(hurwitzZeta(s, q)).toBeNaN();
    for (const [s, q, r] of [
      [2, 1, 0],
      [2, 1, -1],
      [2, 1, NaN],
    ])
      expect(hurwitzZeta(s, q, r)).toBeNaN();
  });
});
