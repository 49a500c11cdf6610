/**
 * Poisson variates, exact for every mean ≥ 0.
 *
 * - mean = 0: the constant 0.
 * - mean < 10: inversion by sequential search, P(0) = e^{−m}, P(k) = P(k−1)·m/k, one uniform
 *   and on average m + 1 steps per draw. If rounding stops the running sum short of the
 *   uniform (probability ~1e-16) the search ends where the terms no longer change it.
 * - mean ≥ 10: W. Hörmann (1993), "The transformed rejection method for generating Poisson
 *   random variables" (PTRS), as numpy uses: K = ⌊(2a/u_s + b)U + m + 0.43⌋ from two
 *   uniforms (u_s = ½ − |U|), accepted at once in the box u_s ≥ 0.07, V ≤ v_r (78% of
 *   proposals at large m), else when V·α⁻¹/(a/u_s² + b) ≤ P(K). Proposals per draw: α⁻¹,
 *   1.14 at large m to 1.34 at m = 10.
 *   The method is exact only if the hat dominates, (a/u_s² + b)·P(K)·α ≤ 1, and the box
 *   lies under it, (a/u_s² + b)·P(K)·α ≥ v_r, for every U. With Hörmann's fitted constants
 *   neither quite holds for 10 ≤ m ≲ 1000: a scan shows the hat short by up to 0.57%
 *   (at m ≈ 14) and the box above it by up to 0.004 (m ≈ 29.7), which biases some
 *   P(K = k) by up to ~3e-5 relative (numpy has the same flaw). So here α⁻¹ is widened by
 *   1% and v_r lowered to (v_r − 0.01)/1.01; the same scan (m from 10 to 1e6, U on a 1e5
 *   grid) then leaves margins of 0.4% and 0.006, and `test/random/poisson.test.ts` repeats
 *   it at the worst means. Cost: 1% more proposals, and ~2% of them move from the box to
 *   the logarithmic test. ln P(K) is Loader's saddle-point form (`logPoissonPmf`), so the
 *   test stays exact at m = 1e9 and beyond, where −m + K ln m − ln K! would lose six digits.
 *
 * Measured (Node 20, this machine): 37 M draws/s at mean 5, 19 M/s at mean 100, 35 M/s at
 * mean 1e9.
 */
import { logPoissonPmf } from '../stats/special.ts';
import type { Source } from './source.ts';

/** Inversion for 0 < mean < 10, given e^{−mean}. */
function inversion(source: Source, mean: number, p0: number): number {
  const u = source();
  let k = 0;
  let p = p0;
  let cdf = p0;
  while (u >= cdf) {
    k++;
    p *= mean / k;
    const next = cdf + p;
    if (next === cdf) break;
    cdf = next;
  }
  return k;
}

/** Hörmann's PTRS constants for mean ≥ 10, with the hat widened by 1% and the box lowered (see above). */
export interface PtrsConstants {
  mean: number;
  a: number;
  b: number;
  invAlpha: number;
  vr: number;
}

/** The PTRS constants for `mean` ≥ 10 (exported for the test that checks the hat). */
export function ptrsConstants(mean: number): PtrsConstants {
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  return {
    mean,
    a: -0.059 + 0.02483 * b,
    b,
    invAlpha: (1.1239 + 1.1328 / (b - 3.4)) * 1.01,
    vr: (0.9277 - 3.6224 / (b - 2) - 0.01) / 1.01,
  };
}

function ptrs(source: Source, c: PtrsConstants): number {
  const { mean, a, b, invAlpha, vr } = c;
  for (;;) {
    const u = source() - 0.5;
    const v = source();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log((v * invAlpha) / (a / (us * us) + b)) <= logPoissonPmf(k, mean)) return k;
  }
}

/**
 * `randomPoisson(source)(mean)`: mean ≥ 0 (not validated here).
 * @example randomPoisson(createStream('huzhu', 0).next)(28800)() // claimants near 28,800
 */
export function randomPoisson(source: Source) {
  return (mean: number): (() => number) => {
    if (mean === 0) return () => 0;
    if (mean < 10) {
      const p0 = Math.exp(-mean);
      return () => inversion(source, mean, p0);
    }
    const c = ptrsConstants(mean);
    return () => ptrs(source, c);
  };
}

/**
 * A Poisson draw whose mean changes from draw to draw (a mixed Poisson, as in the negative
 * binomial): `poissonOf(source)(mean)` returns one draw, setting the method up each time.
 */
export function poissonOf(source: Source): (mean: number) => number {
  return (mean) => {
    if (mean === 0) return 0;
    if (mean < 10) return inversion(source, mean, Math.exp(-mean));
    return ptrs(source, ptrsConstants(mean));
  };
}
