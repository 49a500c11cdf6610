/**
 * src/engine/fft/quantileBracket.ts: the interval q̃(p − η − m) − δ(η) ≤ q(p) ≤ q̃(p + η + m) + δ(η),
 * the narrowest over η = 10⁻², …, 10⁻¹⁴ (the first of equal widths), η = δ = 0 when δ(10⁻²) = 0;
 * the lower end at least 0 and 0 when p − η − m ≤ 0, the upper end ∞ when p + η + m ≥ 1. The step
 * quantiles q̃ are read by hand off small lattice pmfs, and δ(η) is a table written here.
 */
import { describe, expect, it } from 'vitest';
import type { LatticeDistribution } from '../../../src/engine/fft/latticeDistribution.ts';
import { quantileBracket } from '../../../src/engine/fft/quantileBracket.ts';

function dist(cdf: number[], origin = 10, h = 2): LatticeDistribution {
  const pmf = cdf.map((c, i) => c - (i > 0 ? cdf[i - 1] : 0));
  return { origin, h, pmf: Float64Array.from(pmf), cdf: Float64Array.from(cdf), lattice: true };
}

/** δ(10^−k) from a table by k (the exponent read back from η). */
const byExponent =
  (table: Record<number, number>, otherwise: number) =>
  (eta: number): number =>
    table[Math.round(-Math.log10(eta))] ?? otherwise;

describe('quantileBracket: nothing rounded (δ = 0)', () => {
  it('the step quantiles at p ∓ m', () => {
    const d = dist([0.25, 0.75, 0.75, 1]); // points 10, 12, 14, 16
    const none = () => 0;
    expect(quantileBracket(d, 0.5, 0.25, none)).toEqual({ lower: 10, upper: 12 });
    expect(quantileBracket(d, 0.5, 0, none)).toEqual({ lower: 12, upper: 12 });
    expect(quantileBracket(d, 0.5, 0.25 + 2 ** -20, none)).toEqual({ lower: 10, upper: 16 });
    // p − m = 0 exactly: lower 0; p + m = 1 exactly: upper ∞
    expect(quantileBracket(d, 0.25, 0.25, none)).toEqual({ lower: 0, upper: 12 });
    expect(quantileBracket(d, 0.75, 0.25, none)).toEqual({ lower: 12, upper: Infinity });
    expect(quantileBracket(d, 0.25 + 2 ** -20, 0.25, none)).toEqual({ lower: 10, upper: 12 });
    expect(quantileBracket(d, 0.75 - 2 ** -20, 0.25, none)).toEqual({ lower: 12, upper: 16 });
  });

  it('decided by δ(10⁻²) alone', () => {
    const d = dist([0.25, 0.75, 0.75, 1]);
    // δ(10⁻²) = 0 but δ = 5 elsewhere: still η = 0, δ = 0 (at η = 10⁻², q̃(0.755) would be 16)
    expect(quantileBracket(d, 0.745, 0, (eta) => (eta === 1e-2 ? 0 : 5))).toEqual({ lower: 12, upper: 12 });
    // δ(10⁻²) > 0: the search, whatever δ elsewhere (10⁻² itself wins: [12, 16] against [7, 17])
    expect(quantileBracket(d, 0.745, 0, (eta) => (eta === 1e-2 ? 2 ** -30 : 5))).toEqual({
      lower: 12 - 2 ** -30,
      upper: 16 + 2 ** -30,
    });
  });
});

describe('quantileBracket: minimised over η', () => {
  it('the η with the smallest δ when q̃ does not move', () => {
    const d = dist([0.25, 0.75, 0.75, 1]);
    // q̃(0.5 ∓ η) = 12 for every η ≤ 10⁻²: width 2δ, smallest δ = 1 at η = 10⁻⁷
    expect(quantileBracket(d, 0.5, 0, byExponent({ 7: 1 }, 3))).toEqual({ lower: 11, upper: 13 });
    // at the ends of the range: η = 10⁻² and η = 10⁻¹⁴
    expect(quantileBracket(d, 0.5, 0, byExponent({ 2: 1 }, 3))).toEqual({ lower: 11, upper: 13 });
    expect(quantileBracket(d, 0.5, 0, byExponent({ 14: 1 }, 3))).toEqual({ lower: 11, upper: 13 });
    expect(quantileBracket(d, 0.5, 0, byExponent({ 15: 1, 1: 1 }, 3))).toEqual({ lower: 9, upper: 15 });
    // the lower end stops at 0: δ = 20 gives [0, 32]
    expect(quantileBracket(d, 0.5, 0, () => 20)).toEqual({ lower: 0, upper: 32 });
  });

  it('a larger η can move q̃; of equal widths the first (largest η) is kept', () => {
    // points 10..20; p = 0.75: η = 10⁻²: q̃(0.74) = 12, q̃(0.76) = 20; η ≤ 10⁻³: q̃(0.749 / 0.751) = 14
    const d = dist([0.25, 0.745, 0.755, 0.756, 0.757, 1]);
    // δ(10⁻²) = 0.5: [11.5, 20.5], width 9; δ(10⁻³) = 4.5: [9.5, 18.5], width 9 too; others 10
    expect(quantileBracket(d, 0.75, 0, byExponent({ 2: 0.5, 3: 4.5 }, 10))).toEqual({
      lower: 11.5,
      upper: 20.5,
    });
    // δ(10⁻³) = 4: [10, 18], width 8 wins
    expect(quantileBracket(d, 0.75, 0, byExponent({ 2: 0.5, 3: 4 }, 10))).toEqual({ lower: 10, upper: 18 });
    // misplaced mass widens both sides: m = 0.005, η = 10⁻³: q̃(0.744) = 12, q̃(0.756) = 16
    expect(quantileBracket(d, 0.75, 0.005, byExponent({ 3: 1 }, 10))).toEqual({ lower: 11, upper: 17 });
  });

  it('every upper end infinite: [0, ∞]', () => {
    const d = dist([0.25, 0.75, 0.75, 1]);
    // p + η + m ≥ 1 for every η
    expect(quantileBracket(d, 0.75, 0.25, () => 1)).toEqual({ lower: 0, upper: Infinity });
  });
});
